using System.Text.RegularExpressions;

namespace Readout.Cli.Tests;

/// <summary>`readout ingest samples/`: the summary, the event table, and an idempotent second run.</summary>
public sealed partial class IngestCommandTests(SampleStore samples) : IClassFixture<SampleStore>
{
    [Fact]
    public void Ingest_Samples_StoresAllThirteenArticlesAndPrintsEventTable()
    {
        var run = samples.Ingest;
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);

        var summary = Summary.Parse(run.Stdout);
        Assert.Equal(13, summary.Read);
        Assert.Equal(13, summary.Stored);
        Assert.Equal(0, summary.Unchanged);
        Assert.Equal(0, summary.Skipped);
        Assert.Equal(13, Store.Scalar(samples.Db, "SELECT count(*) FROM articles"));
        long events = Store.Scalar(samples.Db, "SELECT count(*) FROM events");
        Assert.Equal(events, summary.Events);
        Assert.True(events > 0, "the samples hold events");

        // The table: a header, a rule, then one row per event up to its 60-row limit, and a line counting the rest.
        const int Limit = 60;
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int header = Array.FindIndex(lines, l => HeaderRegex().IsMatch(l));
        Assert.True(header > 0, run.Stdout);
        Assert.StartsWith("---", lines[header + 1]);
        var rows = lines.Skip(header + 2).ToList();
        if (events > Limit)
        {
            Assert.Equal($"… {events - Limit} more: see 'readout events'.", rows[^1]);
            rows.RemoveAt(rows.Count - 1);
        }

        Assert.Equal(Math.Min(events, Limit), rows.Count);
        var ids = Store.Column(samples.Db, "SELECT id FROM events ORDER BY id");
        Assert.Equal(ids.Take(Limit), rows.Select(r => r.Split(' ', 2)[0]));
    }

    [Fact]
    public async Task Ingest_SamplesTwice_SecondRunFindsAllUnchanged()
    {
        using var folder = new TempFolder();
        var db = folder.File("twice.db");
        var first = await ReadoutCli.RunAsync(folder.Path, "ingest", ReadoutCli.Samples, "--db", db, "--quiet");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var before = Totals(db);

        var second = await ReadoutCli.RunAsync(folder.Path, "ingest", ReadoutCli.Samples, "--db", db, "--quiet");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        var summary = Summary.Parse(second.Stdout);
        Assert.Equal(13, summary.Read);
        Assert.Equal(0, summary.Stored);
        Assert.Equal(0, summary.Replaced);
        Assert.Equal(13, summary.Unchanged);
        Assert.Equal(Summary.Parse(first.Stdout).Events, summary.Events);
        Assert.Equal(before, Totals(db));
    }

    [Fact]
    public async Task Ingest_PathThatDoesNotExist_ExitsThreeNamingThePath()
    {
        using var folder = new TempFolder();
        var missing = folder.File("no-such-dir/article.txt");
        var db = folder.File("x.db");
        var run = await ReadoutCli.RunAsync(folder.Path, "ingest", missing, "--db", db, "--quiet");
        Assert.True(run.ExitCode == ExitCodes.NothingProcessed, run.ToString());
        Assert.Contains(missing, run.Stderr);
        Assert.Contains("no such file or directory", run.Stderr);
        Assert.False(File.Exists(db), "a run that read nothing must not create a store");
    }

    [Fact]
    public async Task Ingest_JsonLinesOnStandardInput_StoresTheSameArticlesAsTheFile()
    {
        using var folder = new TempFolder();
        var db = folder.File("stdin.db");
        var jsonl = Directory.GetFiles(ReadoutCli.Samples, "*.jsonl").Single();
        var lines = File.ReadAllLines(jsonl).Count(l => l.Trim().Length > 0);
        var run = await ReadoutCli.RunWithInputAsync(folder.Path, ReadoutCli.DefaultTimeout, File.ReadAllText(jsonl), "ingest", "-", "--db", db, "--quiet");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(lines, Summary.Parse(run.Stdout).Stored);

        // Same keys, texts and layer rows as when the file was read from samples/; only the origin differs.
        const string Rows = "SELECT a.article_key || '|' || a.content_hash || '|' || a.origin"
            + " || '|' || (SELECT count(*) FROM entities x WHERE x.article_id = a.id) || '|' || (SELECT count(*) FROM events x WHERE x.article_id = a.id)"
            + " FROM articles a WHERE a.origin LIKE '%#line %' ORDER BY a.article_key";
        var fromFile = Store.Column(samples.Db, Rows).Select(r => r.Replace(jsonl, "stdin", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines, fromFile.Count);
        Assert.Equal(fromFile, Store.Column(db, Rows));
    }

    /// <summary>Row counts of every table and the highest event id: equal totals mean nothing was written.</summary>
    private static string Totals(string db) => string.Join(
        ", ",
        ((string[])["articles", "sentences", "entities", "timexes", "events", "evidence"]).Select(t => $"{t}={Store.Scalar(db, $"SELECT count(*) FROM {t}")}")
            .Append($"max event={Store.Scalar(db, "SELECT ifnull(max(id), 0) FROM events")}"));

    [GeneratedRegex(@"^id\s+date\s+type\s+modality\s+source\s+target\s+evidence\s*$")]
    private static partial Regex HeaderRegex();
}
