using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Readout.Cli.Tests;

/// <summary>
/// An ingest killed mid-batch leaves a consistent store: no half-written article, and a second
/// run completes it to exactly what one clean run writes.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Articles = 2000;

    /// <summary>Tables holding rows of an article, beside <c>articles</c> itself.</summary>
    private static readonly string[] ArticleTables = ["regions", "sentences", "entities", "places", "timexes", "events", "evidence"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_KilledMidBatch_LeavesOnlyWholeArticlesAndResumesToTheCleanResult()
    {
        string input = _folder.Write("batch.jsonl", GenerateArticles(Articles));
        string clean = _folder.File("clean.db"), killed = _folder.File("killed.db");

        var cleanRun = await ReadoutCli.RunAsync(_folder.Path, TimeSpan.FromMinutes(3), "ingest", input, "--db", clean, "--quiet");
        Assert.True(cleanRun.ExitCode == ExitCodes.Ok, cleanRun.ToString());
        Assert.Equal(Articles, Summary.Parse(cleanRun.Stdout).Stored);
        var cleanRows = RowsPerArticle(clean);

        int atKill = await KillMidIngestAsync(input, killed);

        int survived;
        using (var c = Store.Open(killed, readOnly: false))   // read-write: the open replays the write-ahead log
        {
            Assert.Equal(["ok"], Store.Column(c, "PRAGMA integrity_check"));
            Assert.Empty(Store.Column(c, "PRAGMA foreign_key_check"));
            FtsIntegrityCheck(c, "articles_fts");
            FtsIntegrityCheck(c, "evidence_fts");

            survived = (int)Store.Scalar(c, "SELECT count(*) FROM articles");
            Assert.InRange(survived, atKill, Articles - 1);
            Assert.Equal(0, Store.Scalar(c, "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.ordinal = 0)"));
            Assert.Equal(0, Store.Scalar(c, "SELECT count(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = v.event_id AND e.article_id = v.article_id)"));
            Assert.Equal(0, Store.Scalar(c, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"));
            foreach (string table in ArticleTables)
            {
                Assert.Equal(0, Store.Scalar(c, $"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)"));
            }
        }

        // Every article that survived holds exactly the rows the clean run wrote for it.
        foreach (var (key, rows) in RowsPerArticle(killed))
        {
            Assert.Equal(cleanRows[key], rows);
        }

        var resumed = await ReadoutCli.RunAsync(_folder.Path, TimeSpan.FromMinutes(3), "ingest", input, "--db", killed, "--quiet");
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.ToString());
        var summary = Summary.Parse(resumed.Stdout);
        Assert.Equal(survived, summary.Unchanged);
        Assert.Equal(Articles - survived, summary.Stored);
        Assert.Equal(Summary.Parse(cleanRun.Stdout).Events, summary.Events);
        Assert.Equal(cleanRows, RowsPerArticle(killed));
        foreach (string table in (string[])["articles", .. ArticleTables])
        {
            Assert.Equal(Store.Scalar(clean, $"SELECT count(*) FROM {table}"), Store.Scalar(killed, $"SELECT count(*) FROM {table}"));
        }
    }

    /// <summary>
    /// Starts an ingest into <paramref name="db"/>, kills its process tree once some articles are
    /// committed, and returns how many were committed then (at least one).
    /// </summary>
    private async Task<int> KillMidIngestAsync(string input, string db)
    {
        using var process = ReadoutCli.Start(_folder.Path, "ingest", input, "--db", db, "--quiet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        int committed = 0;
        while (committed < 20)
        {
            if (process.HasExited)
            {
                Assert.Fail($"ingest ended (exit {process.ExitCode}) before it could be killed: {committed} articles seen\n{await stdout}\n{await stderr}");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"no 20 articles committed within two minutes\n{await stderr}");
            }

            await Task.Delay(25);
            committed = CommittedArticles(db);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);
        return committed;
    }

    /// <summary>Articles visible to a reader now; 0 while the file or its schema does not exist yet.</summary>
    private static int CommittedArticles(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return (int)Store.Scalar(db, "SELECT count(*) FROM articles");
        }
        catch (SqliteException)
        {
            return 0;   // not migrated yet, or briefly locked
        }
    }

    private static void FtsIntegrityCheck(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"INSERT INTO {table}({table}) VALUES ('integrity-check');";
        cmd.ExecuteNonQuery();   // throws SQLITE_CORRUPT_VTAB when the index and its content disagree
    }

    /// <summary>Per article key: its row count in every article table.</summary>
    private static Dictionary<string, string> RowsPerArticle(string db)
    {
        string counts = string.Join(" || ',' || ", ArticleTables.Select(t => $"(SELECT count(*) FROM {t} x WHERE x.article_id = a.id)"));
        using var c = Store.Open(db);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT a.article_key, {counts} FROM articles a";
        using var r = cmd.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            rows.Add(r.GetString(0), r.GetString(1));
        }

        return rows;
    }

    /// <summary>Short, distinct, deterministic articles: a meeting and an agreement between two countries each.</summary>
    private static string GenerateArticles(int count)
    {
        (string Country, string Demonym, string Capital)[] countries =
        [
            ("Japan", "Japanese", "Tokyo"), ("China", "Chinese", "Beijing"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
            ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"), ("Poland", "Polish", "Warsaw"),
        ];
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        var sb = new StringBuilder();
        using var buffer = new MemoryStream();
        for (int i = 0; i < count; i++)
        {
            var a = countries[i % countries.Length];
            var b = countries[(i / countries.Length + 1 + i) % countries.Length];
            if (a == b)
            {
                b = countries[(i + 1) % countries.Length];
            }

            string text = $"The {a.Demonym} foreign minister met the {b.Demonym} ambassador in {a.Capital} on {days[i % days.Length]}. "
                + $"{a.Country} and {b.Country} agreed to hold further talks on trade, officials said. Report {i}.";
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("id", $"gen-{i}");
                w.WriteString("source", "Generated Wire");
                w.WriteString("published", $"2024-{1 + i % 12:00}-{1 + i % 28:00}");
                w.WriteString("text", text);
                w.WriteEndObject();
            }

            sb.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        return sb.ToString();
    }
}
