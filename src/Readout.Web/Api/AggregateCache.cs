using System.Collections.Concurrent;

namespace Readout.Web.Api;

/// <summary>
/// Reuses aggregate answers (network, places, timelines, actors) for a short time: they scan many
/// rows and dashboards ask for the same ones repeatedly. Cleared when this server ingests an article;
/// writes by another process show after at most the cache time. Thread-safe; at most
/// <see cref="MaxEntries"/> entries (cleared whole when full).
/// </summary>
internal sealed class AggregateCache(TimeSpan lifetime, TimeProvider clock)
{
    public const int MaxEntries = 512;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, Task<object> Value)> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
        where T : class
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await compute();
        }

        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var hit) && hit.Expires > now && !hit.Value.IsFaulted && !hit.Value.IsCanceled)
        {
            return (T)await hit.Value;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        async Task<object> Run() => await compute();
        var task = Run();
        _entries[key] = (now + lifetime, task);
        try
        {
            return (T)await task;
        }
        catch
        {
            _entries.TryRemove(key, out _);
            throw;
        }
    }

    public void Clear() => _entries.Clear();
}
