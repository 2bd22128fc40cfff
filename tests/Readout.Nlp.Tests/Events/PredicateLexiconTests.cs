using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

public class PredicateLexiconTests
{
    private const string Good = "meet\tV\t-\tCONSULT\t-\t-\t040\tsubj=with;subj>obj;subj=";

    [Fact]
    public void FromLines_ValidLine_ReadsEntryWithFramesInOrder()
    {
        var lexicon = PredicateLexicon.FromLines(["# comment", string.Empty, Good, "visit\tN\t-\tCONSULT\tvisit\t-\t042\tposs>to;by>to"], "test.tsv");

        var meet = Assert.Single(lexicon.Verbs("meet"));
        Assert.Equal(EventType.Consult, meet.Type);
        Assert.Equal(["subj=with", "subj>obj", "subj="], meet.Frames.Select(f => f.ToString()));
        Assert.Equal("test.tsv:3", meet.Origin);
        Assert.Equal("visit", Assert.Single(lexicon.Nouns("visit")).Mode);
        Assert.Equal(2, lexicon.Count);
    }

    [Theory]
    [InlineData("meet\tV\t-\tCONSULT\t-\t-\t040", "test.tsv:2", "8 tab-separated columns")]
    [InlineData("meet\tV\t-\tCONSULT\t-\t-\t040\tsubj>obj\textra", "test.tsv:2", "found 9")]
    [InlineData("meet\tV\t-\tGREET\t-\t-\t040\tsubj>obj", "test.tsv:2", "unknown PLOVER type 'GREET'")]
    [InlineData("meet\tV\t-\t3\t-\t-\t040\tsubj>obj", "test.tsv:2", "unknown PLOVER type '3'")]
    [InlineData("meet\tX\t-\tCONSULT\t-\t-\t040\tsubj>obj", "test.tsv:2", "pos must be V or N")]
    [InlineData("meet\tV\t-\tCONSULT\t-\t-\t040\twith>obj", "test.tsv:2", "source slot")]
    public void FromLines_BadLine_ThrowsFormatExceptionNamingFileAndLine(string line, string where, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PredicateLexicon.FromLines([Good, line], "test.tsv"));

        Assert.StartsWith(where + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadFile_MessageNamesFileAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, ["# header", Good, "sign\tV\t-\tSIGN\t-\t-\t057\tsubj="]);
        try
        {
            var ex = Assert.Throws<FormatException>(() => PredicateLexicon.Load(path));

            Assert.StartsWith(Path.GetFileName(path) + ":3:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RepositoryLexicon_EveryLineParses()
    {
        var lexicon = PredicateLexicon.Load(Path.Combine(RepoPaths.Root, ReadoutPipeline.LexiconFile));

        Assert.NotEmpty(lexicon.Verbs("meet"));
        Assert.Contains(lexicon.Verbs("call"), e => e.Particle == "on");
    }
}
