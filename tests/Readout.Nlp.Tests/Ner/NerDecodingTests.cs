using Readout.Core.Layers;
using Readout.Nlp.Ner;
using Xunit;

namespace Readout.Nlp.Tests.Ner;

public sealed class NerDecodingTests
{
    private static readonly string[] Vocabulary = ["Ann", "Lee", "of", "Bank", "said", ",", "paris", "Inc", "the", "."];

    /// <summary>Scores a feature for a class by a hash of both and the seed: additive, like the real weights.</summary>
    private static void Score(ulong seed, ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong f in features)
        {
            for (int c = 0; c < scores.Length; c++)
            {
                ulong h = (f ^ seed) * 0x9E3779B97F4A7C15UL * ((ulong)c + 1);
                scores[c] += ((h >> 40) / (float)(1 << 24)) - 0.5f;
            }
        }
    }

    private static float PathScore(NerFeatures features, int[] labels, ulong seed)
    {
        Span<ulong> f = stackalloc ulong[NerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[NerLabels.Count];
        float total = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            scores.Clear();
            Score(seed, f[..features.ExtractStatic(i, f)], scores);
            features.ExtractHistory(i, i > 0 ? labels[i - 1] : -1, f);
            Score(seed, f[..NerFeatures.HistoryCount], scores);
            total += scores[labels[i]];
        }

        return total;
    }

    private static bool Valid(int[] labels) =>
        Enumerable.Range(0, labels.Length).All(i => NerLabels.CanFollow(i > 0 ? labels[i - 1] : -1, labels[i]))
        && NerLabels.CanEnd(labels[^1]);

    [Fact]
    public void Decode_ShortSentences_FindsTheBestValidLabelSequence()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 40; trial++)
        {
            var forms = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToArray();
            var features = new NerFeatures(forms, [.. forms.Select(_ => Upos.PROPN)], NerGazetteer.Empty, NerDocumentContext.Empty, 0);
            ulong seed = (ulong)random.NextInt64();
            var decoded = new int[forms.Length];
            NerModel.Decode(features, decoded, Score, seed);

            // Every label sequence of the sentence, by brute force.
            float best = float.NegativeInfinity;
            int count = (int)Math.Pow(NerLabels.Count, forms.Length);
            var labels = new int[forms.Length];
            for (int code = 0; code < count; code++)
            {
                for (int i = 0, rest = code; i < labels.Length; i++, rest /= NerLabels.Count)
                {
                    labels[i] = rest % NerLabels.Count;
                }

                if (Valid(labels))
                {
                    best = Math.Max(best, PathScore(features, labels, seed));
                }
            }

            Assert.True(Valid(decoded), string.Join(" ", decoded));
            Assert.Equal(best, PathScore(features, decoded, seed), 3);
        }
    }

    [Fact]
    public void Decode_AnySentence_GivesAValidLabelSequence()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            var forms = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToArray();
            var features = new NerFeatures(forms, [.. forms.Select(_ => (Upos)random.Next(1, 17))], NerGazetteer.Empty, NerDocumentContext.Empty, 0);
            var decoded = new int[forms.Length];
            NerModel.Decode(features, decoded, Score, (ulong)random.NextInt64());
            Assert.True(Valid(decoded), string.Join(" ", decoded));
        }
    }

    [Theory]
    [InlineData("Georgia Institute of Technology said", new[] { 1, 0, -1, -1, -1 })]
    [InlineData("Acme Widget Co. , Ann said", new[] { 2, 1, 0, -1, -1, -1 })]
    [InlineData("the Bank", new[] { 1, 0 })]
    [InlineData("Big Bad Wolf Party said", new[] { 3, 2, 1, 0, -1 })]
    public void Designators_CapitalizedRunEndingInOrganizationWord_GivesDistanceToIt(string sentence, int[] expected)
    {
        Assert.Equal(expected, NerFeatures.Designators(sentence.Split(' ')).Select(d => (int)d));
    }
}
