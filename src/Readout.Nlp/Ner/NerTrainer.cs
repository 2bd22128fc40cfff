using Readout.Nlp.Tagging;
using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>Trains a <see cref="NerModel"/>; deterministic for a seed.</summary>
public static class NerTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> for a fixed number of epochs (no development data is used);
    /// parts of speech come from <paramref name="posModel"/>, as they will when tagging. The previous-label
    /// features see the gold labels: with the model's own guesses there, one early wrong label forced the
    /// rest of a name into wrong updates and the model settled at 97 % training accuracy and lost a third of
    /// its recall; with gold history it fits 99.5 % and scores 10 to 18 F1 points higher on both dev sets.
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

        var data = NerSentence.Documents(train.Where(s => s.Forms.Count > 0))
            .SelectMany(d =>
            {
                var context = new NerDocumentContext(d.Select(s => s.Forms));
                return d.Select((s, i) => (Features: new NerFeatures(s.Forms, posModel.Tag(s.Forms).Upos, gazetteer, context, i), Gold: NerLabels.Encode(s.Forms.Count, s.Spans)));
            })
            .ToArray();
        log?.WriteLine($"ner: {data.Length} sentences, {data.Sum(d => d.Gold.Length)} tokens, {train.Sum(s => s.Spans.Count)} names, {gazetteer.Count} gazetteer phrases");
        var trainer = new PerceptronTrainer(options.BucketBits, NerLabels.Count);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Length).ToArray();
        var labels = new int[data.Max(d => d.Gold.Length)];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int s in order)
            {
                var (features, gold) = data[s];
                NerModel.Decode(features, labels.AsSpan(0, gold.Length), static (t, f, sc) => t.Score(f, sc), trainer, (i, f, guess) =>
                {
                    trainer.Update(f, gold[i], guess);
                    trainer.Tick();
                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                    return gold[i];
                });
            }

            log?.WriteLine($"ner: epoch {epoch}: train label accuracy {100.0 * correct / total:F2}");
        }

        var model = new NerModel(trainer.Average(options.PruneThreshold));
        log?.WriteLine($"ner: {model.WeightCount} weights");
        return model;
    }
}
