using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;
using Readout.Nlp.Training;

namespace Readout.Nlp.Parsing;

/// <summary>
/// Trains a <see cref="ParserModel"/> with the arc-hybrid dynamic oracle and exploration
/// (Goldberg and Nivre 2013) on projectivized trees. Deterministic for a seed.
/// </summary>
public static class ParserTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/>. Training tags are <paramref name="trainTags"/> when given
    /// (for instance jackknifed predictions), else the gold tags. With <paramref name="dev"/>, the
    /// epoch with the best dev LAS is kept; dev sentences are tagged by <paramref name="devTagger"/>
    /// when given, else with their gold tags.
    /// </summary>
    public static ParserModel Train(
        IReadOnlyList<ConlluSentence> train,
        IReadOnlyList<PosTags>? trainTags,
        IReadOnlyList<ConlluSentence>? dev,
        PosModel? devTagger,
        ParserTrainingOptions options,
        TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var labels = train.SelectMany(s => s.Words).Select(w => w.Relation).Append("root").Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labels.Length > 127)
        {
            throw new ArgumentException($"{labels.Length} relation labels; at most 127 are supported.", nameof(train));
        }

        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        int rootLabel = labelIndex["root"];
        int lifts = 0;
        var data = new List<Example>(train.Count);
        for (int s = 0; s < train.Count; s++)
        {
            var words = train[s].Words;
            int n = words.Count;
            var heads = new int[n + 1];
            var goldLabels = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                heads[i + 1] = words[i].Head;
                goldLabels[i + 1] = labelIndex[words[i].Relation];
            }

            var (projective, lifted) = Projectivizer.Projectivize(heads);
            lifts += lifted;
            var forms = words.Select(w => w.Form).ToArray();
            var (upos, xpos) = trainTags is null
                ? (words.Select(w => ParseUpos(w.Upos)).ToArray(), words.Select(w => w.Xpos).ToArray())
                : (trainTags[s].Upos, trainTags[s].Xpos);
            data.Add(new Example(ParserFeatures.Of(forms, upos, xpos), n, projective, goldLabels));
        }

        log?.WriteLine($"parser: {train.Count} sentences, {labels.Length} labels, {lifts} arcs lifted to projectivize");
        int classes = 1 + (2 * labels.Length);
        var trainer = new PerceptronTrainer(options.BucketBits, classes);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var costs = new int[classes];
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[classes];
        ParserModel? best = null;
        double bestLas = -1;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long steps = 0, errors = 0;
            foreach (int s in order)
            {
                var ex = data[s];
                var state = new ParserState(ex.Length);
                while (!state.IsTerminal)
                {
                    int k = ex.Features.Extract(state, f);
                    trainer.Score(f[..k], scores);
                    FillCosts(state, ex, labels.Length, costs);
                    int minCost = int.MaxValue;
                    for (int t = 0; t < classes; t++)
                    {
                        if (ParserModel.IsLegal(state, t, labels.Length, rootLabel))
                        {
                            minCost = Math.Min(minCost, costs[t]);
                        }
                    }

                    int predicted = ParserModel.Best(state, scores, labels.Length, rootLabel, [], 0);
                    int gold = ParserModel.Best(state, scores, labels.Length, rootLabel, costs, minCost);
                    if (costs[predicted] > minCost)
                    {
                        trainer.Update(f[..k], gold, predicted);
                        errors++;
                    }

                    trainer.Tick();
                    steps++;
                    bool explore = epoch > 1 && random.NextDouble() < options.ExplorationProbability;
                    state.Apply(explore ? predicted : gold, labels.Length);
                }
            }

            var model = new ParserModel(labels, trainer.Average(options.PruneThreshold));
            if (dev is null)
            {
                log?.WriteLine($"parser: epoch {epoch}: {100.0 * errors / steps:F2} % transition errors");
                best = model;
                continue;
            }

            var devScores = devTagger is null ? EvaluateGoldTags(model, dev) : TreebankEvaluator.Evaluate(devTagger, model, dev);
            log?.WriteLine($"parser: epoch {epoch}: {100.0 * errors / steps:F2} % transition errors, dev UAS {devScores.Uas:F2} LAS {devScores.Las:F2}, {model.WeightCount} weights");
            if (devScores.Las > bestLas)
            {
                bestLas = devScores.Las;
                best = model;
            }
        }

        return best is null
            ? throw new ArgumentException("Epochs must be at least 1.", nameof(options))
            : options.FinalPruneThreshold > options.PruneThreshold ? best.Prune(options.FinalPruneThreshold) : best;
    }

    private static void FillCosts(ParserState state, Example ex, int labels, int[] costs)
    {
        var (shift, left, right) = state.Costs(ex.Heads);
        costs[0] = shift;
        int s0 = state.Stack(0), s1 = state.Stack(1), b = state.Buffer;
        int gold = s0 > 0 ? ex.Labels[s0] : -1;
        bool leftHeadRight = s0 > 0 && ex.Heads[s0] == b;
        bool rightHeadRight = s0 > 0 && ex.Heads[s0] == s1;
        for (int l = 0; l < labels; l++)
        {
            costs[1 + l] = left == int.MaxValue ? int.MaxValue : left + (leftHeadRight && l != gold ? 1 : 0);
            costs[1 + labels + l] = right == int.MaxValue ? int.MaxValue : right + (rightHeadRight && l != gold ? 1 : 0);
        }
    }

    private static EvaluationResult EvaluateGoldTags(ParserModel model, IReadOnlyList<ConlluSentence> dev)
    {
        long words = 0, uas = 0, las = 0;
        foreach (var s in dev)
        {
            var r = model.Parse(s.Words.Select(w => w.Form).ToArray(), s.Words.Select(w => ParseUpos(w.Upos)).ToArray(), s.Words.Select(w => w.Xpos).ToArray());
            for (int i = 0; i < s.Count; i++)
            {
                words++;
                if (r.Heads[i] + 1 == s.Words[i].Head)
                {
                    uas++;
                    las += r.Relations[i] == s.Words[i].Relation ? 1 : 0;
                }
            }
        }

        return new EvaluationResult(dev.Count, (int)words, 0, 0, 0, 100.0 * uas / words, 100.0 * las / words, 100.0 * las / words);
    }

    private static Upos ParseUpos(string upos) => Enum.TryParse<Upos>(upos, out var u) ? u : Upos.X;

    private sealed record Example(ParserFeatures Features, int Length, int[] Heads, int[] Labels);
}
