using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Readout.Storage.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode with FTS5 indexes. Thread-safe: writes go
/// through one writer connection, one article at a time, each in one transaction; reads run on
/// read-only connections concurrently with the writer: event listings on <see cref="ReadSession"/>s the
/// store keeps open with their prepared commands, the rest on Microsoft.Data.Sqlite's pooled connections.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IAsyncDisposable
{
    /// <summary>The file name used when no <c>--db</c> path is given.</summary>
    public const string DefaultFileName = "readout.db";

    private const int BusyRetries = 4;

    // Idle read sessions kept beyond this are closed: a burst of concurrent requests leaves at most
    // this many connections open afterwards.
    private const int MaxIdleSessions = 32;

    private readonly EventStoreOptions _options;
    private readonly string _readConnectionString;
    private readonly SqliteConnection? _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _writerCommands = new(StringComparer.Ordinal);
    private readonly Lock _stampLock = new();
    private SqliteConnection? _stampConnection;
    private SqliteCommand? _stampCommand;
    private readonly ConcurrentBag<ReadSession> _idleSessions = [];
    private int _disposed;

    private SqliteEventStore(string path, EventStoreOptions options, string readConnectionString, SqliteConnection? writer, int schemaVersion)
    {
        Path = path;
        _options = options;
        _readConnectionString = readConnectionString;
        _writer = writer;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public int SchemaVersion { get; }

    public bool IsReadOnly => _options.ReadOnly;

    /// <summary>Called with a table name after the rows of that table are written, inside the
    /// transaction; tests throw from it to check that nothing of the article remains.</summary>
    internal Action<string>? WriteStepHook { get; set; }

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="readOnly">Open an existing, migrated file for reading only; nothing is created or migrated.</param>
    public static Task<SqliteEventStore> OpenAsync(string path, bool readOnly = false, CancellationToken ct = default) =>
        OpenAsync(path, new EventStoreOptions { ReadOnly = readOnly }, ct);

    /// <exception cref="FileNotFoundException">Read-only open of a file that does not exist.</exception>
    /// <exception cref="InvalidOperationException">Read-only open of a file whose schema is missing or
    /// older than this program's, or any open of a file with a newer schema.</exception>
    public static async Task<SqliteEventStore> OpenAsync(string path, EventStoreOptions options, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        path = System.IO.Path.GetFullPath(path);
        int timeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        string readString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = timeout,
        }.ToString();

        if (options.ReadOnly)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No database at '{path}'.", path);
            }

            using var probe = new SqliteConnection(readString);
            await probe.OpenAsync(ct).ConfigureAwait(false);
            int version = await SqliteMigrations.GetVersionAsync(probe, null, ct).ConfigureAwait(false);
            if (version != SqliteMigrations.LatestVersion)
            {
                throw new InvalidOperationException(version < SqliteMigrations.LatestVersion
                    ? $"'{path}' has schema version {version}, not {SqliteMigrations.LatestVersion}; open it for writing once to migrate it."
                    : $"'{path}' has schema version {version}; this program knows versions up to {SqliteMigrations.LatestVersion}.");
            }

            return new SqliteEventStore(path, options, readString, null, version);
        }

        string writeString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = timeout,
            Pooling = false,
        }.ToString();
        var writer = new SqliteConnection(writeString);
        try
        {
            await writer.OpenAsync(ct).ConfigureAwait(false);
            // WAL: readers never block the writer; NORMAL sync is safe in WAL (a power cut may lose the
            // last commits but never leaves a torn transaction).
            await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", ct).ConfigureAwait(false);
            await SqliteMigrations.ApplyAsync(writer, ct).ConfigureAwait(false);
            int version = await SqliteMigrations.GetVersionAsync(writer, null, ct).ConfigureAwait(false);
            return new SqliteEventStore(path, options, readString, writer, version);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var cmd in _writerCommands.Values)
            {
                await cmd.DisposeAsync().ConfigureAwait(false);
            }

            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
            }

            lock (_stampLock)
            {
                _stampCommand?.Dispose();
                _stampConnection?.Dispose();
                _stampConnection = null;
            }

            CloseIdleSessions();

            // Close pooled read connections so the file can be moved or deleted.
            using var reader = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(reader);
        }
        finally
        {
            _writeLock.Release();
            _writeLock.Dispose();
        }
    }

    /// <summary>
    /// SQLite's <c>PRAGMA data_version</c> on one connection kept for this purpose: it changes exactly when
    /// another connection (the writer here, or any other process) commits. It costs a few microseconds,
    /// so a response cache can check it on every request.
    /// </summary>
    public ValueTask<long> GetChangeStampAsync(CancellationToken cancellationToken = default)
    {
        lock (_stampLock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_stampCommand is null)
            {
                // Not pooled: the stamp is only meaningful on one connection kept open for the store's lifetime.
                _stampConnection = new SqliteConnection(new SqliteConnectionStringBuilder(_readConnectionString) { Pooling = false }.ToString());
                _stampConnection.Open();
                _stampCommand = _stampConnection.CreateCommand();
                _stampCommand.CommandText = "PRAGMA data_version;";
                _stampCommand.Prepare();
            }

            return ValueTask.FromResult((long)_stampCommand.ExecuteScalar()!);
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            ConfigureReader(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What every read connection needs after opening: the file mapped and <c>readout_contains</c>.</summary>
    internal static void ConfigureReader(SqliteConnection connection)
    {
        // Map the file instead of copying each page through read(): with 16 concurrent listings over
        // 100,000 events most of a query's time was system time in read() (each connection has
        // only a 2 MB page cache; the OS page cache behind a mapping is shared). Pooled connections
        // keep the setting; repeating it costs microseconds.
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA mmap_size = 1073741824;";
            cmd.ExecuteNonQuery();
        }

        connection.CreateFunction(
            "readout_contains",
            (string haystack, string needle) => haystack.Contains(needle, StringComparison.OrdinalIgnoreCase),
            isDeterministic: true);
    }

    /// <summary>An idle read session, or a new one; give it back with <see cref="ReturnSession"/>.</summary>
    private async ValueTask<ReadSession> RentSessionAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _idleSessions.TryTake(out var session) ? session : await ReadSession.OpenAsync(_readConnectionString, ct).ConfigureAwait(false);
    }

    private void ReturnSession(ReadSession session)
    {
        if (_disposed != 0 || _idleSessions.Count >= MaxIdleSessions)
        {
            session.Dispose();
            return;
        }

        _idleSessions.Add(session);
        if (_disposed != 0)
        {
            CloseIdleSessions(); // returned while DisposeAsync was closing them
        }
    }

    private void CloseIdleSessions()
    {
        while (_idleSessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static bool IsBusy(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED

    private static string Iso(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);
}
