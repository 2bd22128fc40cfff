using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;
using Readout.Nlp.Tests.Tagging;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tests.Parsing;

public class ParserBufferReuseTests
{
    [Fact]
    public void Process_DocumentOfManySentences_SameAsEachSentenceParsedAlone()
    {
        // The stage reuses one set of buffers for every sentence (long after short and back):
        // nothing of a sentence may leak into the next.
        using var reader = new StreamReader(TestModels.EwtDev);
        var sentences = ConlluReader.ReadForPrediction(reader)
            .Where(s => s.Forms.All(f => f.Length > 0 && !f.Contains(' ', StringComparison.Ordinal)))
            .Take(300)
            .ToList();
        var document = DocumentBuilder.FromSentences([.. sentences.Select(s => string.Join(' ', s.Forms))]);
        new PosTagger(TestModels.Pos).Process(document);
        new DependencyParser(TestModels.Parser).Process(document);
        var tags = document.Get(LayerKeys.PartsOfSpeech);
        var tree = document.Get(LayerKeys.Dependencies);

        int first = 0;
        foreach (var s in sentences)
        {
            int n = s.Forms.Count;
            var alone = TestModels.Parser.Parse(s.Forms, tags.Upos[first..(first + n)], tags.Xpos[first..(first + n)]);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(alone.Heads[i] < 0 ? -1 : first + alone.Heads[i], tree.Heads[first + i]);
                Assert.Equal(alone.Relations[i], tree.Relations[first + i]);
            }

            first += n;
        }
    }

    [Fact]
    public void Parse_BufferSumsKeptUntilShift_SameAsScoringEveryFeature()
    {
        // The parser sums the buffer-only templates once per shift: a template listed there that reads the stack or the
        // arcs would keep stale sums and change some transition over these sentences.
        using var reader = new StreamReader(TestModels.EwtDev);
        var sentences = ConlluReader.ReadForPrediction(reader).Take(400).ToList();
        var features = new ParserFeatures();
        var state = new ParserState(0);
        foreach (var s in sentences)
        {
            var tags = TestModels.Pos.Tag(s.Forms);
            int n = s.Forms.Count;
            features.Reset(n);
            for (int i = 0; i < n; i++)
            {
                features.SetWord(i, s.Forms[i], tags.Upos[i], tags.Xpos[i]);
            }

            var (kept, keptRelations) = (new int[n], new string[n]);
            var (scored, scoredRelations) = (new int[n], new string[n]);
            TestModels.Parser.Parse(features, state, kept, keptRelations, reuseBufferSums: true);
            TestModels.Parser.Parse(features, state, scored, scoredRelations, reuseBufferSums: false);
            Assert.Equal(scored, kept);
            Assert.Equal(scoredRelations, keptRelations);
        }
    }

    [Fact]
    public void PruneParser_SameModelAndArguments_SameFileAndFewerWeights()
    {
        string source = Path.Combine(TestModels.RepositoryRoot, "models", "en-ud-parser.model");
        string a = Path.GetTempFileName(), b = Path.GetTempFileName();
        try
        {
            var pruned = LanguageTraining.PruneParser(source, 2f, 0.5f, a, TextWriter.Null);
            LanguageTraining.PruneParser(source, 2f, 0.5f, b, TextWriter.Null);

            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.InRange(pruned.WeightCount, 1, TestModels.Parser.WeightCount - 1);
            Assert.Equal(pruned.WeightCount, ParserModel.Load(a).WeightCount);
            // Loading and saving again keeps the file: the quantum travels with the weights.
            var copy = new MemoryStream();
            ParserModel.Load(a).Save(copy);
            Assert.Equal(File.ReadAllBytes(a), copy.ToArray());
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }
}
