using Readout.Nlp.Time.Evaluation;

namespace Readout.Nlp.Tests.Time;

public sealed class TempEvalErrorClassTests
{
    [Theory]
    [InlineData("value", "next week", "1998-WXX", "next week", "1998-W08", "value · week · resolved where gold is not")]
    [InlineData("value", "Friday", "1990-08-10", "Friday", "1990-08-17", "value · weekday · same form, later")]
    [InlineData("value", "recent years", "PAST_REF", "recent years", "PXY", "value · now/recent/past/future · form PAST_REF vs PXY")]
    [InlineData("value", "a year ago", "1988", "a year ago", "1988-Q3", "value · ago · form 9999 vs 9999-Q9")]
    [InlineData("value", "the quarter", "1989-QX", "the quarter", "1989-Q2", "value · quarter/half/fiscal · resolved where gold is not")]
    [InlineData("value", "December", "2016-12", "December", "XXXX-12", "value · month/day date · left underspecified")]
    [InlineData("missed", "within weeks", "PXW", null, null, "missed · duration")]
    [InlineData("extent", "two to three weeks", "P2W", "three weeks", "P3W", "extent · range")]
    public void Of_Error_GivesKindCueAndDifference(string kind, string? goldText, string? goldValue, string? systemText, string? systemValue, string expected)
    {
        var error = new TempEvalError("doc", TempEvalScorer.Development, kind, goldText, goldValue, systemText, systemValue);
        Assert.Equal(expected, TempEvalErrorClass.Of(error));
    }

    [Fact]
    public void Of_SpuriousError_UsesTheSystemExpression()
    {
        var error = new TempEvalError("doc", TempEvalScorer.Development, "spurious", null, null, "currently", "PRESENT_REF");
        Assert.Equal("spurious · now/recent/past/future", TempEvalErrorClass.Of(error));
    }

    [Fact]
    public void Of_TypeError_ReadsTheValueAfterTheType()
    {
        var error = new TempEvalError("doc", TempEvalScorer.Development, "type", "a year", "Set P1Y", "a year", "Duration P1Y");
        Assert.Equal("type · duration", TempEvalErrorClass.Of(error));
    }

    [Fact]
    public void Group_Errors_LargestClassFirst()
    {
        TempEvalError Missed(string text, string value) => new("doc", TempEvalScorer.Development, "missed", text, value, null, null);
        var groups = TempEvalErrorClass.Group([Missed("Monday", "1998-02-16"), Missed("weeks", "PXW"), Missed("days", "PXD")]).ToList();
        Assert.Equal(["missed · duration", "missed · weekday"], groups.Select(g => g.Key));
        Assert.Equal(2, groups[0].Count());
    }
}
