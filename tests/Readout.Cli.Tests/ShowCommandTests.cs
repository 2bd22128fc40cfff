using System.Text.Json;

namespace Readout.Cli.Tests;

/// <summary>`readout show ID`: the evidence sentence with its marked spans and the rule that coded the event.</summary>
public sealed class ShowCommandTests(SampleStore samples) : IClassFixture<SampleStore>
{
    [Fact]
    public async Task Show_EventWithSourceAndTarget_MarksTheSpansAndNamesTheRule()
    {
        var list = await ReadoutCli.RunAsync(samples.WorkingDirectory, "events", "--db", samples.Db, "--limit", "1000", "--format", "json");
        Assert.True(list.ExitCode == ExitCodes.Ok, list.ToString());
        var events = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        // An event whose source, trigger and target lie apart inside the evidence, so each marker wraps exactly its text.
        var chosen = events.Select(e => (Row: e, Spans: Spans(e))).FirstOrDefault(x => x.Spans is not null);
        Assert.True(chosen.Spans is not null, "no sample event with source and target apart in its sentence");
        var (row, spans) = (chosen.Row, chosen.Spans!.Value);
        long id = row.GetProperty("event_id").GetInt64();
        var ev = row.GetProperty("event");
        string text = Store.Column(samples.Db, $"SELECT text FROM articles WHERE id = {row.GetProperty("article_id").GetInt64()}").Single();

        var run = await ReadoutCli.RunAsync(samples.WorkingDirectory, "show", id.ToString(), "--db", samples.Db);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith($"Event {id}: {ev.GetProperty("type").GetString()}", run.Stdout);
        Assert.Contains($"rule:        {ev.GetProperty("rule").GetString()}", run.Stdout);
        Assert.Contains($"modality:    {ev.GetProperty("modality").GetString()}", run.Stdout);
        Assert.Contains("[" + text[spans.Source.Start..spans.Source.End] + "]", run.Stdout);
        Assert.Contains("{" + text[spans.Target.Start..spans.Target.End] + "}", run.Stdout);
        Assert.Contains("*" + text[spans.Trigger.Start..spans.Trigger.End] + "*", run.Stdout);

        // Without the markers the evidence line is the stored sentence, line breaks flattened.
        var evidence = run.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Evidence", StringComparison.Ordinal)).Skip(1).First().Trim();
        string unmarked = new([.. evidence.Where(ch => ch is not ('[' or ']' or '{' or '}' or '*' or '<' or '>'))]);
        string sentence = row.GetProperty("sentence").GetString()!.ReplaceLineEndings(" ");
        Assert.Equal(new string([.. sentence.Where(ch => ch is not ('[' or ']' or '{' or '}' or '*' or '<' or '>'))]).Trim(), unmarked);
    }

    [Fact]
    public async Task Show_UnknownEvent_ExitsTwoNamingTheId()
    {
        var run = await ReadoutCli.RunAsync(samples.WorkingDirectory, "show", "987654", "--db", samples.Db);
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("no event 987654", run.Stderr);
    }

    private static ((int Start, int End) Source, (int Start, int End) Target, (int Start, int End) Trigger)? Spans(JsonElement row)
    {
        var ev = row.GetProperty("event");
        if (ev.GetProperty("source").ValueKind != JsonValueKind.Object || ev.GetProperty("target").ValueKind != JsonValueKind.Object
            || ev.GetProperty("attribution").ValueKind == JsonValueKind.Object)
        {
            return null;
        }

        var evidence = ev.GetProperty("evidence");
        (int, int) Of(JsonElement e, string a, string b) => (e.GetProperty(a).GetInt32(), e.GetProperty(b).GetInt32());
        var source = Of(ev.GetProperty("source"), "start", "end");
        var target = Of(ev.GetProperty("target"), "start", "end");
        var trigger = Of(evidence, "trigger_start", "trigger_end");
        var inside = Of(evidence, "start", "end");
        (int S, int E)[] all = [source, target, trigger];
        bool apart = all.All(x => x.S >= inside.Item1 && x.E <= inside.Item2)
            && all.SelectMany(x => all, (x, y) => x == y || x.E <= y.S || y.E <= x.S).All(ok => ok);
        return apart ? (source, target, trigger) : null;
    }
}
