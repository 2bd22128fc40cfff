using System.Collections.Concurrent;
using System.Globalization;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>
/// Reuses aggregate answers (network, places, timelines, actors) for a short time: they scan many
/// rows and dashboards ask for the same ones repeatedly. Entries are keyed by the store's change stamp,
/// so a write by this server or any other process is seen at once; cleared when this server ingests
/// an article (to free the old entries). Thread-safe; at most <see cref="MaxEntries"/> entries
/// (cleared whole when full).
/// </summary>
internal sealed class AggregateCache(IEventStore store, TimeSpan lifetime, TimeProvider clock)
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

        key = (await store.GetChangeStampAsync()).ToString(CultureInfo.InvariantCulture) + "|" + key;
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
