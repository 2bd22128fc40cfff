using Microsoft.Data.Sqlite;

namespace Readout.Cli.Tests;

/// <summary>Direct SQL over a store file written by the CLI, without pooling so the file can be deleted.</summary>
internal static class Store
{
    public static SqliteConnection Open(string path, bool readOnly = true)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        c.Open();
        return c;
    }

    public static long Scalar(string path, string sql)
    {
        using var c = Open(path);
        return Scalar(c, sql);
    }

    public static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>The first column of every row, as text (null as "").</summary>
    public static List<string> Column(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read())
        {
            values.Add(r.IsDBNull(0) ? string.Empty : Convert.ToString(r.GetValue(0))!);
        }

        return values;
    }

    public static List<string> Column(string path, string sql)
    {
        using var c = Open(path);
        return Column(c, sql);
    }
}
