using Microsoft.Data.Sqlite;

namespace Readout.Storage.Sqlite;

/// <summary>
/// A read-only connection the store keeps open between requests with its commands, so a listing run
/// again skips parsing and planning its SQL: Microsoft.Data.Sqlite prepares every new command again and
/// finalizes its statements when the connection goes back to its pool (dotnet/efcore#14044 is the open
/// request for a built-in cache); a command kept and run again reuses its prepared statements. Used by
/// one request at a time.
/// </summary>
internal sealed class ReadSession : IDisposable
{
    // Listing SQL differs only by which filters are present, a few dozen shapes; the bound keeps an
    // unusual client from holding many statements (SQLite keeps each one's plan in memory).
    private const int MaxCommands = 64;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private ReadSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>Opens a session on <paramref name="connectionString"/> (not pooled: the session is the pool's item).</summary>
    public static async Task<ReadSession> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            SqliteEventStore.ConfigureReader(connection);
            return new ReadSession(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>This session's command for <paramref name="sql"/>, with no parameters; do not dispose it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            if (_commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }

            cmd = Connection.CreateCommand();
            cmd.CommandText = sql;
            _commands.Add(sql, cmd);
        }

        cmd.Parameters.Clear();
        return cmd;
    }

    public void Dispose()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        _commands.Clear();
    }
}
