using Microsoft.Data.Sqlite;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Cli;

/// <summary>Opens the store for a command; a path that cannot be opened or a file that is not a store becomes a message, not a crash.</summary>
internal static class StoreAccess
{
    /// <returns>The open store, or null and a message for standard error (a usage error).</returns>
    public static async Task<(SqliteEventStore? Store, string? Error)> TryOpenAsync(string path, EventStoreOptions options, CancellationToken ct)
    {
        try
        {
            return (await SqliteEventStore.OpenAsync(path, options, ct), null);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot open the store '{path}': {ex.Message}");
        }
    }
}
