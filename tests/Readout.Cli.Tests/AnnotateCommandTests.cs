using System.Text.Json;

namespace Readout.Cli.Tests;

/// <summary>`readout annotate`: the JSON contract of README.md, with offsets checked against the text written.</summary>
public sealed class AnnotateCommandTests : IDisposable
{
    // A surrogate pair and accented letters ahead of the names: UTF-16 offsets differ from code point and byte offsets.
    private const string Article =
        "TOKYO 🌏 — Japanese Prime Minister Fumio Kishida met Chinese President Xi Jinping in Beijing on Monday, the café-side summit "
        + "both sides had sought. Japan and China agreed to resume talks on fisheries next month.\n\n"
        + "Kishida will visit Seoul on Friday, officials said.\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Annotate_PloverStrict_PlannedVisitIsAgreeWhileTheDefaultKeepsConsultPlanned()
    {
        var path = _folder.Write("summit.txt", Article);
        string[] args = ["annotate", path, "--published", "2024-03-06", "--no-tokens"];

        var own = await ReadoutCli.RunAsync(_folder.Path, args);
        var strict = await ReadoutCli.RunAsync(_folder.Path, [.. args, "--plover-strict"]);

        Assert.True(own.ExitCode == ExitCodes.Ok && strict.ExitCode == ExitCodes.Ok, own + "\n" + strict);
        static JsonElement Visit(string stdout) => JsonDocument.Parse(stdout).RootElement.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("evidence").GetProperty("trigger_start").GetInt32() == Article.IndexOf("visit Seoul", StringComparison.Ordinal));
        var ownVisit = Visit(own.Stdout);
        var strictVisit = Visit(strict.Stdout);
        Assert.Equal(("CONSULT", "planned", "042"), (ownVisit.GetProperty("type").GetString(), ownVisit.GetProperty("modality").GetString(), ownVisit.GetProperty("cameo").GetString()));
        Assert.Equal(("AGREE", "asserted", "036"), (strictVisit.GetProperty("type").GetString(), strictVisit.GetProperty("modality").GetString(), strictVisit.GetProperty("cameo").GetString()));
        Assert.Equal(ownVisit.GetProperty("source").GetRawText(), strictVisit.GetProperty("source").GetRawText());
        Assert.Equal(ownVisit.GetProperty("date").GetString(), strictVisit.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Annotate_ArticleWithPublished_WritesEveryContractFieldWithSpansIntoTheText()
    {
        var path = _folder.Write("summit.txt", Article);
        var run = await ReadoutCli.RunAsync(_folder.Path, "annotate", path, "--published", "2024-03-06", "--source", "Test Wire");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var doc = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal("summit", doc.GetProperty("id").GetString());
        Assert.Equal("Test Wire", doc.GetProperty("source").GetString());
        Assert.Equal("2024-03-06", doc.GetProperty("published").GetString());

        var sentences = doc.GetProperty("sentences").EnumerateArray().Select(Span).ToList();
        Assert.True(sentences.Count >= 3, $"{sentences.Count} sentences");
        AssertOrderedInText(sentences);

        var tokens = doc.GetProperty("tokens").EnumerateArray().ToList();
        Assert.NotEmpty(tokens);
        AssertOrderedInText(tokens.Select(Span).ToList());
        Assert.All(tokens, t =>
        {
            var (s, e) = Span(t);
            Assert.False(string.IsNullOrWhiteSpace(Article[s..e]), $"blank token at {s}");
            Assert.False(string.IsNullOrEmpty(t.GetProperty("upos").GetString()));
            Assert.False(string.IsNullOrEmpty(t.GetProperty("lemma").GetString()));
        });
        Assert.Contains(tokens, t => Article[Span(t).Start..Span(t).End] == "Kishida" && t.GetProperty("upos").GetString() == "PROPN");

        var entities = doc.GetProperty("entities").EnumerateArray().ToList();
        Assert.All(entities, e =>
        {
            var (s, end) = Span(e);
            Assert.InRange(s, 0, end - 1);
            Assert.InRange(end, s + 1, Article.Length);
            Assert.Equal(Article[s..end], e.GetProperty("text").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("kind").GetString()));
            Assert.True(e.TryGetProperty("canonical", out _) && e.TryGetProperty("country", out _));
        });
        Assert.Contains(entities, e => e.GetProperty("canonical").GetString() == "Xi Jinping" && e.GetProperty("country").GetString() == "CHN");

        var timexes = doc.GetProperty("timexes").EnumerateArray().ToList();
        Assert.All(timexes, t =>
        {
            var (s, end) = Span(t);
            Assert.InRange(end, s + 1, Article.Length);
            Assert.Equal(Article[s..end], t.GetProperty("text").GetString());
            Assert.False(string.IsNullOrEmpty(t.GetProperty("type").GetString()));
            Assert.False(string.IsNullOrEmpty(t.GetProperty("value").GetString()));
        });

        // --published anchors relative dates: "Monday" in a report of Wednesday 6 March 2024 is the 4th.
        Assert.Contains(timexes, t => t.GetProperty("text").GetString() == "Monday" && t.GetProperty("value").GetString() == "2024-03-04");

        var events = doc.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("type").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("modality").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("rule").GetString()));
            var evidence = e.GetProperty("evidence");
            int s = evidence.GetProperty("start").GetInt32(), end = evidence.GetProperty("end").GetInt32();
            int ts = evidence.GetProperty("trigger_start").GetInt32(), te = evidence.GetProperty("trigger_end").GetInt32();
            Assert.InRange(s, 0, end - 1);
            Assert.InRange(end, s + 1, Article.Length);
            Assert.True(s <= ts && ts < te && te <= end, $"trigger [{ts},{te}) outside evidence [{s},{end})");
            Assert.InRange(evidence.GetProperty("sentence").GetInt32(), 0, sentences.Count - 1);
            foreach (var role in (string[])["source", "target", "attribution"])
            {
                if (e.GetProperty(role) is { ValueKind: JsonValueKind.Object } arg)
                {
                    var (a, b) = Span(arg);
                    Assert.Equal(Article[a..b], arg.GetProperty("text").GetString());
                }
            }
        });
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "CONSULT" && e.GetProperty("date").GetString() == "2024-03-04");
    }

    [Fact]
    public async Task Annotate_NoTokens_OmitsOnlyTheTokenLayer()
    {
        var path = _folder.Write("summit.txt", Article);
        var run = await ReadoutCli.RunAsync(_folder.Path, "annotate", path, "--published", "2024-03-06", "--no-tokens");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var doc = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.False(doc.TryGetProperty("tokens", out _));
        Assert.NotEmpty(doc.GetProperty("sentences").EnumerateArray());
        Assert.NotEmpty(doc.GetProperty("entities").EnumerateArray());
        Assert.NotEmpty(doc.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Annotate_Directory_WritesOneObjectPerLineInNameOrder()
    {
        _folder.Write("in/b-second.txt", "France and Germany agreed on Tuesday to coordinate their aid to Ukraine.\n");
        _folder.Write("in/a-first.txt", Article);
        _folder.Write("in/notes.md", "not an article: unknown extensions in a folder are passed over\n");
        var run = await ReadoutCli.RunAsync(_folder.Path, "annotate", _folder.File("in"), "--published", "2024-03-06", "--no-tokens");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["a-first", "b-second"], ids);
    }

    private static (int Start, int End) Span(JsonElement e) => (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());

    private static void AssertOrderedInText(List<(int Start, int End)> spans)
    {
        int previousEnd = 0;
        foreach (var (s, e) in spans)
        {
            Assert.True(previousEnd <= s && s < e && e <= Article.Length, $"span [{s},{e}) after {previousEnd} in a text of {Article.Length}");
            previousEnd = e;
        }
    }
}
