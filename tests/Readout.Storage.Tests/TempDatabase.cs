using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests;

/// <summary>A database file in a fresh temporary folder, deleted with the folder.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("readout-storage-").FullName;

    public string Path => System.IO.Path.Combine(_folder, SqliteEventStore.DefaultFileName);

    public Task<SqliteEventStore> OpenAsync(bool readOnly = false) => SqliteEventStore.OpenAsync(Path, readOnly);

    public Task<SqliteEventStore> OpenAsync(EventStoreOptions options) => SqliteEventStore.OpenAsync(Path, options);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still open elsewhere; the OS temp cleaner gets it.
        }
    }
}
