using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Tests.Tagging;

public class LemmatizerTests
{
    [Theory]
    [InlineData("met", "VBD", Upos.VERB, "meet")]
    [InlineData("signed", "VBD", Upos.VERB, "sign")]
    [InlineData("talks", "NNS", Upos.NOUN, "talk")]
    [InlineData("Talks", "NNS", Upos.NOUN, "talk")]
    [InlineData("visited", "VBN", Upos.VERB, "visit")]
    [InlineData("agreed", "VBD", Upos.VERB, "agree")]
    [InlineData("was", "VBD", Upos.AUX, "be")]
    [InlineData("Tokyo", "NNP", Upos.PROPN, "Tokyo")]
    public void Lemmatize_CommittedModel_GivesDictionaryForm(string form, string xpos, Upos upos, string lemma)
    {
        Assert.Equal(lemma, TestModels.Pos.Lemmatizer.Lemmatize(form, xpos, upos));
    }

    [Theory]
    [InlineData("blorfed", "VBD", "blorf")]
    [InlineData("zizzies", "NNS", "zizzy")]
    [InlineData("snarbling", "VBG", "snarble")]
    public void Lemmatize_UnseenWord_AppliesLearnedSuffixRule(string form, string xpos, string lemma)
    {
        const string Training =
            "1\tcarried\tcarry\tVERB\tVBD\t_\t0\troot\t_\t_\n\n" +
            "1\tworked\twork\tVERB\tVBD\t_\t0\troot\t_\t_\n\n" +
            "1\tjumped\tjump\tVERB\tVBD\t_\t0\troot\t_\t_\n\n" +
            "1\tcities\tcity\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n" +
            "1\tparties\tparty\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n" +
            "1\thandling\thandle\tVERB\tVBG\t_\t0\troot\t_\t_\n\n" +
            "1\ttroubling\ttrouble\tVERB\tVBG\t_\t0\troot\t_\t_\n\n";
        var lemmatizer = Lemmatizer.Learn(ConlluReader.ReadAnnotated(new StringReader(Training)));

        Assert.Equal(lemma, lemmatizer.Lemmatize(form, xpos, Upos.VERB));
    }
}
