using Readout.Core.Layers;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;
using Readout.Nlp.Tests.Tagging;

namespace Readout.Nlp.Tests.Parsing;

public class DependencyParserTests
{
    private static DependencyTree Parse(Readout.Core.Document document)
    {
        new PosTagger(TestModels.Pos).Process(document);
        new DependencyParser(TestModels.Parser).Process(document);
        return document.Get(LayerKeys.Dependencies);
    }

    [Fact]
    public void Process_TwoSentences_HeadsAreDocumentIndicesWithinEachSentence()
    {
        var document = Tagging.DocumentBuilder.FromSentences("Abe met Putin .", "The two leaders signed a peace treaty in Moscow .");

        var tree = Parse(document);

        var sentences = document.Get(LayerKeys.Sentences);
        foreach (var s in sentences.Items)
        {
            int roots = 0;
            for (int t = s.FirstToken; t < s.EndToken; t++)
            {
                if (tree.Heads[t] < 0)
                {
                    roots++;
                    Assert.Equal("root", tree.Relations[t]);
                }
                else
                {
                    Assert.InRange(tree.Heads[t], s.FirstToken, s.EndToken - 1);
                }
            }

            Assert.Equal(1, roots);
        }
    }

    [Fact]
    public void Process_NewsSentence_FindsSubjectAndObject()
    {
        var document = Tagging.DocumentBuilder.FromSentences("Abe met Putin .", "The two leaders signed a peace treaty in Moscow .");

        var tree = Parse(document);

        // "signed" is token 7; "leaders" (6) its subject, "treaty" (10) its object; "in Moscow" may
        // attach to either (both readings are grammatical), but "in" marks it.
        Assert.Equal(-1, tree.Heads[7]);
        Assert.Equal((7, "nsubj"), (tree.Heads[6], tree.Relations[6]));
        Assert.Equal((7, "obj"), (tree.Heads[10], tree.Relations[10]));
        Assert.Equal((12, "case"), (tree.Heads[11], tree.Relations[11]));
        Assert.Equal((1, "nsubj"), (tree.Heads[0], tree.Relations[0]));
    }

    [Fact]
    public void Process_PassiveSentence_LabelsSubtype()
    {
        var document = Tagging.DocumentBuilder.FromSentences("The agreement was signed by both ministers .");

        var tree = Parse(document);

        Assert.Equal((3, "nsubj:pass"), (tree.Heads[1], tree.Relations[1]));
        Assert.Equal((3, "aux:pass"), (tree.Heads[2], tree.Relations[2]));
        Assert.Equal((3, "obl:agent"), (tree.Heads[6], tree.Relations[6]));
    }

    [Fact]
    public void Process_ManyThreadsSharingStages_SameResultAsOneThread()
    {
        var tagger = new PosTagger(TestModels.Pos);
        var parser = new DependencyParser(TestModels.Parser);
        string[] sentences = ["Abe met Putin in Tokyo on Sunday .", "The ministers did n't sign the treaty .", "Russia said it would send troops ."];
        DependencyTree Run(int i)
        {
            var document = Tagging.DocumentBuilder.FromSentences(sentences[i % 3], sentences[(i + 1) % 3]);
            tagger.Process(document);
            parser.Process(document);
            return document.Get(LayerKeys.Dependencies);
        }

        var expected = Enumerable.Range(0, 3).Select(Run).ToArray();
        var results = new DependencyTree[64];
        Parallel.For(0, results.Length, i => results[i] = Run(i));

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % 3].Heads, results[i].Heads);
            Assert.Equal(expected[i % 3].Relations, results[i].Relations);
        }
    }

    [Fact]
    public void Parse_EmptySentence_ReturnsEmpty()
    {
        var result = TestModels.Parser.Parse([], [], []);

        Assert.Empty(result.Heads);
    }
}
