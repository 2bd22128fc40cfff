using Readout.Nlp.Tagging;
using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>Trains a <see cref="NerModel"/>; deterministic for a seed.</summary>
public static class NerTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> for a fixed number of epochs (no development data is used);
    /// parts of speech come from <paramref name="posModel"/>, as they will when tagging. A structured perceptron:
    /// each sentence is decoded whole (Viterbi, as when tagging) and, where the best path differs from the gold
    /// one, the gold path's features (with the gold previous label) are rewarded and the guessed path's (with its
    /// own previous label) penalized, so training sees the history it will see when tagging.
    /// </summary>
    public static NerModel Train(IReadOnlyList<NerSentence> train, PosModel posModel, NerGazetteer gazetteer, NerTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(posModel);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs < 1)
        {
            throw new ArgumentException("Epochs must be at least 1.", nameof(options));
        }

        // The tagger reads hyphenated words whole (NerHyphens); parts of speech are tagged on the tokens, as when tagging.
        var data = NerSentence.Documents(train.Where(s => s.Forms.Count > 0))
            .SelectMany(d =>
            {
                var hyphens = d.Select(s => NerHyphens.Of(s.Forms, s.SpaceAfter)).ToArray();
                var words = d.Select((s, i) => hyphens[i].Forms(s.Forms)).ToArray();
                var context = new NerDocumentContext(words);
                return d.Select((s, i) => (
                    Features: new NerFeatures(words[i], hyphens[i].PartsOfSpeech(posModel.Tag(s.Forms).Upos), gazetteer, context, i),
                    Gold: NerLabels.Encode(words[i].Length, hyphens[i].ToWords(s.Spans))));
            })
            .ToArray();
        log?.WriteLine($"ner: {data.Length} sentences, {data.Sum(d => d.Gold.Length)} words, {train.Sum(s => s.Spans.Count)} names, {gazetteer.Count} gazetteer phrases");
        var trainer = new PerceptronTrainer(options.BucketBits, NerLabels.Count);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Length).ToArray();
        var labels = new int[data.Max(d => d.Gold.Length)];
        Span<ulong> f = stackalloc ulong[NerFeatures.MaxFeatures];
        Span<ulong> h = stackalloc ulong[NerFeatures.HistoryCount];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int s in order)
            {
                var (features, gold) = data[s];
                var guess = labels.AsSpan(0, gold.Length);
                NerModel.Decode(features, guess, static (t, f, sc) => t.Score(f, sc), trainer);
                for (int i = 0; i < gold.Length; i++)
                {
                    correct += guess[i] == gold[i] ? 1 : 0;
                    total++;
                    int goldPrevious = i > 0 ? gold[i - 1] : -1, guessPrevious = i > 0 ? guess[i - 1] : -1;
                    if (guess[i] == gold[i] && goldPrevious == guessPrevious)
                    {
                        continue;
                    }

                    trainer.Update(f[..features.ExtractStatic(i, f)], gold[i], guess[i]);
                    features.ExtractHistory(i, goldPrevious, h);
                    trainer.Add(h, gold[i], 1f);
                    features.ExtractHistory(i, guessPrevious, h);
                    trainer.Add(h, guess[i], -1f);
                }

                for (int i = 0; i < gold.Length; i++)
                {
                    trainer.Tick();
                }
            }

            log?.WriteLine($"ner: epoch {epoch}: train label accuracy {100.0 * correct / total:F2}");
        }

        var model = new NerModel(trainer.Average(options.PruneThreshold));
        log?.WriteLine($"ner: {model.WeightCount} weights");
        return model;
    }
}
