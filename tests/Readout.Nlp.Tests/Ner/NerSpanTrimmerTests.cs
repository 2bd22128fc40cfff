using Readout.Core.Layers;
using Readout.Nlp.Ner;
using Readout.Nlp.Tests.Tagging;
using Xunit;

namespace Readout.Nlp.Tests.Ner;

public sealed class NerSpanTrimmerTests
{
    [Theory]
    [InlineData("Holly - the owner , knows", 0, 5, 1)]
    [InlineData("Email : \" Ryan Reynolds \" < rreynol...@cogeco.ca >", 3, 9, 5)]
    [InlineData("Drs. Ali work wonders .", 0, 4, 2)]
    [InlineData("Hamas of their critical error", 0, 5, 1)]
    [InlineData("Muqtada al-Sadr said it", 0, 4, 2)]
    [InlineData("al-Qaeda 's leader said", 0, 4, 1)]
    public void Trim_NameRunningIntoWebText_EndsAtTheName(string sentence, int start, int end, int expectedEnd)
    {
        var forms = sentence.Split(' ');
        var trimmed = NerSpanTrimmer.Trim(forms, [new NerSpan(start, end, EntityKind.Person)]);
        Assert.Equal([new NerSpan(start, expectedEnd, EntityKind.Person)], trimmed);
    }

    [Theory]
    [InlineData("Dr. Dorn is great", 0, 2, 1)]
    [InlineData("Doctor Hank is great", 0, 2, 1)]
    [InlineData("President Vladimir Putin said", 0, 3, 1)]
    [InlineData("Mr. Smith", 0, 2, 1)]
    [InlineData("Dr. said", 0, 1, 0)]
    public void Trim_PersonAfterTitle_DropsTheTitle(string sentence, int start, int end, int expectedStart)
    {
        var gazetteer = TestModels.NerGazetteer;
        var trimmed = NerSpanTrimmer.Trim(sentence.Split(' '), [new NerSpan(start, end, EntityKind.Person)], gazetteer);
        Assert.Equal([new NerSpan(expectedStart, end, EntityKind.Person)], trimmed);
    }

    [Theory]
    [InlineData("see CrudeStocks.pdf now", 1, 2, true)]
    [InlineData("TEXT.htm", 0, 1, true)]
    [InlineData("Amazon.com sells", 0, 1, false)]
    [InlineData("the .pdf", 1, 2, false)]
    public void HoldsFileName_AttachmentNames(string sentence, int start, int end, bool expected)
    {
        Assert.Equal(expected, NerSpanTrimmer.HoldsFileName(sentence.Split(' '), new NerSpan(start, end, EntityKind.Organization)));
    }

    [Fact]
    public void Trim_PlaceAfterTitleWord_KeepsIt()
    {
        var gazetteer = TestModels.NerGazetteer;
        var span = new NerSpan(0, 2, EntityKind.Organization);
        Assert.Equal([span], NerSpanTrimmer.Trim(["President", "Hotel"], [span], gazetteer));
    }

    [Theory]
    [InlineData("the Bank of England said", 1, 4)]
    [InlineData("cleric Muqtada al - Sadr said", 1, 5)]
    [InlineData("Coca - Cola", 0, 3)]
    [InlineData("Traci Warner@ENRON", 0, 2)]
    [InlineData("i live in san francisco california", 3, 6)]
    public void Trim_ConventionalName_KeepsIt(string sentence, int start, int end)
    {
        var span = new NerSpan(start, end, EntityKind.Organization);
        Assert.Equal([span], NerSpanTrimmer.Trim(sentence.Split(' '), [span]));
    }

    [Fact]
    public void Trim_AnySpans_StayNonEmptyInsideTheirOriginalsAndStartWhereTheyStarted()
    {
        string[] vocabulary = ["Ann", "of", "the", "-", "\"", "<", "x@y.com", "Bank", "said", ",", ".", "'s", "and", "NATO", "42", ":"];
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            var forms = Enumerable.Range(0, random.Next(1, 12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            var spans = new List<NerSpan>();
            for (int i = 0; i < forms.Length; i = spans.Count > 0 ? spans[^1].End + random.Next(0, 3) : i + 1)
            {
                spans.Add(new NerSpan(i, random.Next(i + 1, forms.Length + 1), EntityKind.Place));
            }

            var original = spans.ToList();
            var trimmed = NerSpanTrimmer.Trim(forms, spans);
            Assert.Equal(original.Count, trimmed.Count);
            for (int s = 0; s < trimmed.Count; s++)
            {
                Assert.Equal(original[s].Start, trimmed[s].Start);
                Assert.InRange(trimmed[s].End, trimmed[s].Start + 1, original[s].End);
            }
        }
    }
}
