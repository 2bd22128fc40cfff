using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Readout.Storage.Sqlite;

/// <summary>
/// The schema as ordered scripts embedded in this assembly (<c>Sqlite/Migrations/NNNN_name.sql</c>).
/// Each script runs once, in its own transaction, and is recorded in <c>schema_version</c>.
/// </summary>
internal static class SqliteMigrations
{
    private const string Prefix = "Readout.Storage.Sqlite.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> All = new(Load);

    public static IReadOnlyList<Migration> Scripts => All.Value;

    public static int LatestVersion => Scripts[^1].Version;

    /// <returns>The number of scripts applied.</returns>
    /// <exception cref="InvalidOperationException">The file has a newer schema than this program knows.</exception>
    public static async Task<int> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection,
            null,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken).ConfigureAwait(false);
        int applied = 0;
        foreach (var migration in Scripts)
        {
            // BEGIN IMMEDIATE, then re-read the version: another process may have migrated meanwhile.
            using var tx = connection.BeginTransaction(deferred: false);
            int current = await GetVersionAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database has schema version {current}; this program knows versions up to {LatestVersion}.");
            }

            if (migration.Version <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, tx, migration.Sql, cancellationToken).ConfigureAwait(false);
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
                insert.Parameters.AddWithValue("$v", migration.Version);
                insert.Parameters.AddWithValue("$d", migration.Name);
                insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied++;
        }

        return applied;
    }

    /// <returns>0 when the file has no <c>schema_version</c> table.</returns>
    public static async Task<int> GetVersionAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        cmd.CommandText = "SELECT ifnull(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(SqliteMigrations).Assembly;
        var list = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[Prefix.Length..^4];
            int underscore = name.IndexOf('_', StringComparison.Ordinal);
            int version = int.Parse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture);
            list.Add(new Migration(version, name, Read(assembly, resource)));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3 …; found {list[i].Name}.");
            }
        }

        return list;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal sealed record Migration(int Version, string Name, string Sql);
}
