using Readout.Core.Layers;
using Readout.Nlp.Ner;
using Xunit;

namespace Readout.Nlp.Tests.Ner;

public sealed class NerHyphensTests
{
    private static string[] Words(string sentence) => sentence.Split(' ');

    [Fact]
    public void Of_HyphensWithoutSpaces_JoinTheWordsAndSpansMapBack()
    {
        string[] forms = Words("Muqtada al - Sadr met Ash - Sharq al - Awsat .");
        var spaces = NerHyphens.SpaceAfter("Muqtada al-Sadr met Ash-Sharq al-Awsat.", forms);
        var hyphens = NerHyphens.Of(forms, spaces);
        Assert.False(hyphens.IsIdentity);
        Assert.Equal(["Muqtada", "al-Sadr", "met", "Ash-Sharq", "al-Awsat", "."], hyphens.Forms(forms));
        Assert.Equal(new NerSpan(0, 4, EntityKind.Person), hyphens.ToTokens(new NerSpan(0, 2, EntityKind.Person)));
        Assert.Equal(new NerSpan(5, 11, EntityKind.Organization), hyphens.ToTokens(new NerSpan(3, 5, EntityKind.Organization)));
    }

    [Fact]
    public void Of_HyphenWithASpace_IsADashAndSplits()
    {
        string[] forms = Words("Bryan Hull - Analyst");
        Assert.True(NerHyphens.Of(forms, NerHyphens.SpaceAfter("Bryan Hull - Analyst", forms)).IsIdentity);
        Assert.True(NerHyphens.Of(forms, NerHyphens.SpaceAfter("Bryan Hull -Analyst", forms)).IsIdentity);
    }

    [Fact]
    public void Of_SpacesUnknown_JoinsAHyphenBetweenTwoWords()
    {
        Assert.Equal(["Coca-Cola", "and", "F-16", "-", "-", "x"], NerHyphens.Of(Words("Coca - Cola and F - 16 - - x"), null).Forms(Words("Coca - Cola and F - 16 - - x")));
        Assert.True(NerHyphens.Of(Words("- Cola"), null).IsIdentity);
        Assert.True(NerHyphens.Of(Words("Cola -"), null).IsIdentity);
    }

    [Fact]
    public void PartsOfSpeech_WordTakesItsLastTokens()
    {
        var hyphens = NerHyphens.Of(Words("long - term al - Qaeda"), null);
        Assert.Equal([Upos.NOUN, Upos.PROPN], hyphens.PartsOfSpeech([Upos.ADJ, Upos.PUNCT, Upos.NOUN, Upos.PROPN, Upos.PUNCT, Upos.PROPN]));
    }

    [Fact]
    public void Outside_WordTakesTheLowestOfItsTokens()
    {
        var hyphens = NerHyphens.Of(Words("met al - Sadr ."), null);
        Assert.Equal([0f, -2f, 0f], hyphens.Outside([0f, -2f, 0f, -1f, 0f]));
    }

    [Fact]
    public void ToWords_SpanInsideAWord_TakesTheWholeWord()
    {
        var hyphens = NerHyphens.Of(Words("the Franco - Prussian war in Guinea - Bissau"), null);
        Assert.Equal(
            [new NerSpan(1, 2, EntityKind.Nationality), new NerSpan(4, 5, EntityKind.Place)],
            hyphens.ToWords([new NerSpan(1, 2, EntityKind.Nationality), new NerSpan(3, 4, EntityKind.Nationality), new NerSpan(6, 9, EntityKind.Place)]));
    }

    [Theory]
    [InlineData("Sadr", true)]
    [InlineData("al-Sadr", true)]
    [InlineData("al-Qaeda-linked", false)]
    [InlineData("long-term", false)]
    [InlineData("al-", false)]
    [InlineData("", false)]
    public void IsCapitalized_HyphenatedWordTakesItsLastPart(string form, bool expected) => Assert.Equal(expected, NerHyphens.IsCapitalized(form));

    [Fact]
    public void SpaceAfter_TokensNotInTheText_IsUnknown()
    {
        Assert.Null(NerHyphens.SpaceAfter("can not", Words("cannot")));
        Assert.Null(NerHyphens.SpaceAfter("a b", Words("b a")));
        Assert.Equal([false, true, true], NerHyphens.SpaceAfter("I'm here", Words("I 'm here"))!);
    }
}
