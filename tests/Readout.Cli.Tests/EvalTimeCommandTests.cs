using Readout.Nlp.Time.Evaluation;

namespace Readout.Cli.Tests;

/// <summary>`readout eval time`: figures per corpus, and with --errors the development-half errors by class.</summary>
public sealed class EvalTimeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EvalTime_WithErrors_ListsDevelopmentErrorsByClassAndLeavesHeldOutUnread()
    {
        // One document of each half: the same text, with "soon" (which the recognizer does not tag) as gold.
        string dev = Enumerable.Range(0, 50).Select(n => "dev" + n).First(TempEvalScorer.IsDevelopment);
        string held = Enumerable.Range(0, 50).Select(n => "held" + n).First(id => !TempEvalScorer.IsDevelopment(id));
        foreach (var id in new[] { dev, held })
        {
            _folder.Write(Path.Combine("corpora", "Mini", id + ".tml"), $"""
                <TimeML><DOCID>{id}</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
                <TEXT>Profit rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> and will rise <TIMEX3 tid="t2" type="DATE" value="FUTURE_REF">soon</TIMEX3>.</TEXT></TimeML>
                """);
        }

        var run = await ReadoutCli.RunAsync(_folder.Path, "eval", "time", "--data", _folder.File("corpora"), "--errors");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Mini      all      docs   2 gold    4 sys    2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Errors on the development half: 1, by class", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("   1  missed · now/recent/past/future", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  {dev}: gold 'soon' FUTURE_REF", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(held + ":", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTime_WithoutErrors_PrintsFiguresOnly()
    {
        _folder.Write(Path.Combine("corpora", "Mini", "a.tml"), """
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
            <TEXT>Profit rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>
            """);

        var run = await ReadoutCli.RunAsync(_folder.Path, "eval", "time", "--data", _folder.File("corpora"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("value F1 100.0", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Errors on", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTime_Stages_ScoresThePipelineOutput()
    {
        // A past verb resolves a bare weekday backwards. "sank" is past only to the tagger (no regular -ed ending the
        // recognizer reads alone), so the right value shows that the stages ran.
        _folder.Write(Path.Combine("corpora", "Mini", "a.tml"), """
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-06-15" functionInDocument="CREATION_TIME">20240615</TIMEX3></DCT>
            <TEXT>Japan sank a North Korean boat off Sado on <TIMEX3 tid="t1" type="DATE" value="2024-06-11">Tuesday</TIMEX3>.</TEXT></TimeML>
            """);

        var staged = await ReadoutCli.RunAsync(_folder.Path, "eval", "time", "--data", _folder.File("corpora"), "--stages");
        var alone = await ReadoutCli.RunAsync(_folder.Path, "eval", "time", "--data", _folder.File("corpora"));

        Assert.True(staged.ExitCode == ExitCodes.Ok, staged.ToString());
        Assert.Contains("value F1 100.0", staged.Stdout, StringComparison.Ordinal);
        Assert.Contains("value F1 0.0", alone.Stdout, StringComparison.Ordinal);
    }
}
