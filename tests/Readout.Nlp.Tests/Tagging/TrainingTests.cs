using Readout.Nlp.Conllu;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tests.Tagging;

public class TrainingTests
{
    private static readonly Lazy<List<ConlluSentence>> Sample = new(() =>
    {
        using var reader = new StreamReader(TestModels.EwtTrain);
        return ConlluReader.ReadAnnotated(reader).Take(300).ToList();
    });

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void PosTrainer_SameSeed_SameModelBytes()
    {
        var options = new PosTrainingOptions { Epochs = 2, BucketBits = 16, Seed = 7 };

        var first = PosTrainer.Train(Sample.Value, null, options);
        var second = PosTrainer.Train(Sample.Value, null, options);

        Assert.Equal(Bytes(first.Save), Bytes(second.Save));
        var reloaded = PosModel.Load(new MemoryStream(Bytes(first.Save)));
        var score = TreebankEvaluator.Evaluate(reloaded, null, Sample.Value);
        Assert.True(score.Upos > 90, $"training-set UPOS {score.Upos:F2}");
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var gzip = new MemoryStream();
        using (var writer = new BinaryWriter(new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Compress, leaveOpen: true)))
        {
            writer.Write("something else");
        }

        Assert.Throws<InvalidDataException>(() => PosModel.Load(new MemoryStream(gzip.ToArray())));
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(new MemoryStream(gzip.ToArray())));
        Assert.ThrowsAny<Exception>(() => PosModel.Load(new MemoryStream([1, 2, 3])));
    }

    [Fact]
    public void ParserTrainer_SameSeed_SameModelBytes()
    {
        var options = new ParserTrainingOptions { Epochs = 2, BucketBits = 16, Seed = 7 };

        var first = ParserTrainer.Train(Sample.Value, null, null, null, options);
        var second = ParserTrainer.Train(Sample.Value, null, null, null, options);

        Assert.Equal(Bytes(first.Save), Bytes(second.Save));
        var reloaded = ParserModel.Load(new MemoryStream(Bytes(first.Save)));
        long correct = 0, total = 0;
        foreach (var s in Sample.Value)
        {
            var upos = s.Words.Select(w => Enum.Parse<Readout.Core.Layers.Upos>(w.Upos)).ToArray();
            var parse = reloaded.Parse(s.Words.Select(w => w.Form).ToArray(), upos, s.Words.Select(w => w.Xpos).ToArray());
            correct += s.Words.Where((w, i) => parse.Heads[i] + 1 == w.Head).Count();
            total += s.Count;
        }

        Assert.True(correct > 0.7 * total, $"training-set UAS {100.0 * correct / total:F2}");
    }
}
