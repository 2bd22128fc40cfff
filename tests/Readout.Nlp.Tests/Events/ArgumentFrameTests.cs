using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

public class ArgumentFrameTests
{
    [Theory]
    [InlineData("subj>obj", "subj", "obj", false)]
    [InlineData("subj>with", "subj", "with", false)]
    [InlineData("subj=with", "subj", "with", true)]
    [InlineData("subj=", "subj", "coord", true)]
    [InlineData("poss>to", "poss", "to", false)]
    [InlineData("by>on", "by", "on", false)]
    public void Parse_ValidFrame_ReadsSlotsAndSymmetry(string text, string source, string target, bool symmetric)
    {
        var frame = ArgumentFrame.Parse(text);

        Assert.Equal(new ArgumentFrame(source, target, symmetric), frame);
        Assert.Equal(text, frame.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("subj")]
    [InlineData(">obj")]
    [InlineData("=with")]
    [InlineData("with>obj")]
    [InlineData("agent>obj")]
    public void Parse_MalformedFrame_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ArgumentFrame.Parse(text));
    }
}
