using Readout.Core.Layers;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Tests.Tagging;

public class PosTaggerTests
{
    [Fact]
    public void Process_NewsSentence_TagsAndLemmatizes()
    {
        var document = DocumentBuilder.FromSentences("Prime Minister Shinzo Abe met Russian Deputy Prime Minister Arkady Dvorkovich in Tokyo on Sunday .");

        new PosTagger(TestModels.Pos).Process(document);

        var tags = document.Get(LayerKeys.PartsOfSpeech);
        Assert.Equal(Upos.VERB, tags.Upos[4]);
        Assert.Equal("VBD", tags.Xpos[4]);
        Assert.Equal("meet", tags.Lemmas[4]);
        Assert.Equal(Upos.PROPN, tags.Upos[3]);
        Assert.Equal("Abe", tags.Lemmas[3]);
        Assert.Equal(Upos.ADP, tags.Upos[11]);
        Assert.Equal(Upos.PUNCT, tags.Upos[^1]);
    }

    [Theory]
    [InlineData("The two leaders signed a treaty .", 3, "signed", "sign")]
    [InlineData("The talks were held in Moscow .", 1, "talks", "talk")]
    [InlineData("Officials said they had met twice .", 4, "met", "meet")]
    [InlineData("Both sides are discussing economic cooperation .", 3, "discussing", "discuss")]
    public void Process_EventVerbsAndNouns_LemmaMatchesLexiconForm(string sentence, int index, string form, string lemma)
    {
        var document = DocumentBuilder.FromSentences(sentence);

        new PosTagger(TestModels.Pos).Process(document);

        Assert.Equal(form, document.Get(LayerKeys.Tokens).Text(document.Text, index));
        Assert.Equal(lemma, document.Get(LayerKeys.PartsOfSpeech).Lemmas[index]);
    }

    [Fact]
    public void Process_TokensOutsideSentences_AreStillTagged()
    {
        var document = DocumentBuilder.FromSentences("He left .");
        var tokens = document.Get(LayerKeys.Tokens);
        var withGap = new Readout.Core.Document("gap", document.Text);
        withGap.Set(LayerKeys.Tokens, tokens);
        withGap.Set(LayerKeys.Sentences, new SentenceTable([new Sentence(0, 2, new Readout.Core.TextSpan(0, 7))]));

        new PosTagger(TestModels.Pos).Process(withGap);

        var tags = withGap.Get(LayerKeys.PartsOfSpeech);
        Assert.Equal(3, tags.Upos.Length);
        Assert.Equal(Upos.PUNCT, tags.Upos[2]);
    }

    [Fact]
    public void Stage_Declaration_FitsPipelineAfterTokens()
    {
        var stage = new PosTagger(TestModels.Pos);

        Assert.Equal("pos", stage.Name);
        Assert.Equal([LayerKeys.Tokens, LayerKeys.Sentences], stage.Requires);
        Assert.Equal([LayerKeys.PartsOfSpeech], stage.Produces);
    }
}
