using System.Text;

namespace Readout.Cli.Tests;

/// <summary>
/// Bad input in a batch: each bad file is reported on standard error with its path and reason,
/// the good articles are still stored, and the exit code says what happened.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string GoodArticle = "Japanese Prime Minister Fumio Kishida met Indonesian President Joko Widodo in Tokyo on Sunday. The two leaders agreed to expand maritime cooperation.\n";
    private const string Utf16Article = "Chinese Foreign Minister Wang Yi met French President Emmanuel Macron in Paris on Tuesday — « entretien » in the Élysée.\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_BatchWithEveryKindOfBadInput_ReportsEachAndStoresTheGoodArticles()
    {
        string dir = _folder.File("batch");
        string P(string name) => Path.Combine(dir, name);
        _folder.Write("batch/good.txt", GoodArticle);
        _folder.Write("batch/good.meta.json", """{"source": "Test Wire", "published": "2023-06-18", "title": "Good"}""");
        _folder.Write("batch/empty.txt", string.Empty);
        _folder.Write("batch/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, .. Encoding.ASCII.GetBytes("Japan met China."), 0x00, 0xFF]);
        _folder.Write("batch/latin1.txt", [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" talks: Japan met China on Monday.\n")]);
        _folder.Write("batch/utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Utf16Article)]);
        using (var big = File.Create(P("big.txt")))
        {
            big.SetLength(50L * 1024 * 1024);
        }

        _folder.Write("batch/wire.jsonl", string.Join('\n',
            """{"id": "wire-1", "source": "Wire", "published": "2024-01-09", "text": "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday."}""",
            """{"id": "wire-2", "source": "Wire", this line is cut off""",
            """{"id": "wire-3", "source": "Wire", "published": "2024-01-10", "text": "France condemned the missile attack on Wednesday."}""") + "\n");
        _folder.Write("batch/nav.html", """<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav></body></html>""");
        _folder.Write("batch/desk.xml", """<?xml version="1.0"?><rss version="2.0"><channel><title>World desk</title><link>https://news.example/</link><description>Nothing yet</description></channel></rss>""");
        File.CreateSymbolicLink(P("dangling.txt"), _folder.File("gone/away.txt"));
        string locked = _folder.Write("batch/locked/secret.txt", "Germany and Poland agreed on Monday to open a new border crossing.\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
        }

        bool lockedReadable = CanRead(locked);   // root reads it anyway
        string missing = _folder.File("no-such-folder/article.txt");
        string db = _folder.File("batch.db");

        var run = await ReadoutCli.RunAsync(_folder.Path, "ingest", dir, missing, "--db", db);

        Assert.True(run.ExitCode == ExitCodes.SomeSkipped, run.ToString());
        var expected = new List<(string Origin, string Reason, string Code)>
        {
            (P("empty.txt"), "empty", "RD0001"),
            (P("binary.txt"), "binary", "RD0002"),
            (P("latin1.txt"), "not valid UTF-8", "RD0003"),
            (P("big.txt"), "too large", "RD0004"),
            (P("wire.jsonl") + "#line 2", "not valid JSON", "RD0005"),
            (P("nav.html"), "no article text", "RD0006"),
            (P("desk.xml"), "no items", "RD0007"),
            (P("dangling.txt"), "cannot be read", "RD0008"),
            (missing, "no such file or directory", "RD0009"),
        };
        if (!lockedReadable)
        {
            expected.Add((locked, "cannot be read", "RD0008"));
        }

        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (origin, reason, code) in expected)
        {
            var line = Assert.Single(lines, l => l.StartsWith($"skipped {origin}: ", StringComparison.Ordinal));
            var rest = line[$"skipped {origin}: ".Length..];
            Assert.Contains(reason, rest);
            Assert.EndsWith($"[{code}]", rest);
            Assert.False(rest.StartsWith(origin, StringComparison.Ordinal), line);   // named once, not twice
        }

        Assert.Equal(expected.Count, lines.Length);
        var summary = Summary.Parse(run.Stdout);
        Assert.Equal(expected.Count, summary.Skipped);

        string[] stored = lockedReadable ? ["good", "secret", "utf16", "wire-1", "wire-3"] : ["good", "utf16", "wire-1", "wire-3"];
        Assert.Equal(stored, Store.Column(db, "SELECT document_id FROM articles ORDER BY document_id"));
        Assert.Equal(stored.Length, summary.Stored);
        Assert.Equal(Utf16Article, Store.Column(db, "SELECT text FROM articles WHERE document_id = 'utf16'").Single());
        Assert.Equal("Test Wire", Store.Column(db, "SELECT source FROM articles WHERE document_id = 'good'").Single());
        Assert.True(Store.Scalar(db, "SELECT count(*) FROM events") > 0);
    }

    [Fact]
    public async Task Ingest_PublishedNotADate_ExitsTwoBeforeReadingAnything()
    {
        var article = _folder.Write("good.txt", GoodArticle);
        var db = _folder.File("never.db");
        var run = await ReadoutCli.RunAsync(_folder.Path, "ingest", article, "--published", "notadate", "--db", db);
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--published 'notadate' is not a date", run.Stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Ingest_OnlyBadFiles_ExitsThree()
    {
        _folder.Write("bad/empty.txt", string.Empty);
        _folder.Write("bad/nul.txt", [0x00, 0x01, 0x02]);
        var run = await ReadoutCli.RunAsync(_folder.Path, "ingest", _folder.File("bad"), "--db", _folder.File("bad.db"));
        Assert.True(run.ExitCode == ExitCodes.NothingProcessed, run.ToString());
        Assert.Contains(_folder.File("bad/empty.txt"), run.Stderr);
        Assert.Contains(_folder.File("bad/nul.txt"), run.Stderr);
    }

    [Fact]
    public async Task Annotate_PublishedNotADate_ExitsTwo()
    {
        var article = _folder.Write("good.txt", GoodArticle);
        var run = await ReadoutCli.RunAsync(_folder.Path, "annotate", article, "--published", "2024-02-30");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--published '2024-02-30' is not a date", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
