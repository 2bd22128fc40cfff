using Readout.Nlp.Time.Evaluation;
using Xunit.Abstractions;

namespace Readout.Nlp.Tests.Time;

public sealed class TempEvalScorerTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_TempEval3Train_ReachesFloors()
    {
        var dir = Path.Combine(RepoPaths.SharedData, "tempeval3-train");
        var report = TempEvalScorer.Evaluate(dir);
        foreach (var f in report.Figures)
        {
            output.WriteLine(f.ToString());
        }

        if (Environment.GetEnvironmentVariable("TEMPEVAL_ERRORS") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, report.Errors.Where(e => e.Split == TempEvalScorer.Development).Select(e => e.ToString()));
        }

        // Floors just below the figures reached (TimeBank 94.3 / 82.3, AQUAINT 93.1 / 78.5 relaxed / value F1).
        var timeBank = report.Get("TimeBank");
        var aquaint = report.Get("AQUAINT");
        Assert.True(timeBank.RelaxedF1 >= 94.0, $"TimeBank relaxed F1 {timeBank.RelaxedF1:F1}");
        Assert.True(timeBank.ValueF1 >= 82.0, $"TimeBank value F1 {timeBank.ValueF1:F1}");
        Assert.True(timeBank.TypeAccuracy >= 96.6, $"TimeBank type accuracy {timeBank.TypeAccuracy:F1}");
        Assert.True(aquaint.RelaxedF1 >= 92.8, $"AQUAINT relaxed F1 {aquaint.RelaxedF1:F1}");
        Assert.True(aquaint.ValueF1 >= 78.2, $"AQUAINT value F1 {aquaint.ValueF1:F1}");
        Assert.True(aquaint.TypeAccuracy >= 96.0, $"AQUAINT type accuracy {aquaint.TypeAccuracy:F1}");
    }

    [Fact]
    public void Parse_InlineTimex_GivesPlainTextAndSpans()
    {
        const string markup = """
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
            <TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; <EVENT eid="e1">rose</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX">two days</TIMEX3>.</TEXT></TimeML>
            """;
        var doc = TimeMLReader.Parse("x", markup);
        Assert.Equal(new DateOnly(1998, 1, 8), doc.CreationDate);
        Assert.Equal("It fell yesterday & rose two days.", doc.Text);
        Assert.Equal(2, doc.Gold.Count);
        Assert.Equal("yesterday", doc.Text.Substring(doc.Gold[0].Span.Start, doc.Gold[0].Span.Length));
        Assert.Equal("two days", doc.Text.Substring(doc.Gold[1].Span.Start, doc.Gold[1].Span.Length));
        Assert.Equal("APPROX", doc.Gold[1].Mod);
    }
}
