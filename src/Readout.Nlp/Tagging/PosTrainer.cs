using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tagging;

/// <summary>Trains a <see cref="PosModel"/> from CoNLL-U treebanks. Deterministic for a seed.</summary>
public static class PosTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/>; when <paramref name="dev"/> is given, the epoch with the
    /// best dev XPOS accuracy is kept (dev is only used to choose, never to learn from).
    /// </summary>
    public static PosModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, PosTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var classIndex = new Dictionary<(string Upos, string Xpos), int>();
        foreach (var key in train.SelectMany(s => s.Words).Select(w => (w.Upos, w.Xpos)).Distinct().Order())
        {
            classIndex[key] = classIndex.Count;
        }

        if (classIndex.Count is 0 or > 255)
        {
            throw new ArgumentException($"Training data has {classIndex.Count} tag classes; 1 to 255 are supported.", nameof(train));
        }

        var classUpos = new Upos[classIndex.Count];
        var classXpos = new string[classIndex.Count];
        foreach (var ((u, x), c) in classIndex)
        {
            classUpos[c] = Enum.TryParse<Upos>(u, out var parsed) ? parsed : Upos.X;
            classXpos[c] = x;
        }

        var tagDictionary = BuildTagDictionary(train, classIndex, options);
        var ambiguity = BuildAmbiguityClasses(train, classIndex, options);
        var lemmatizer = Lemmatizer.Learn(train);
        var gold = train.Select(s => (Forms: (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray(), Tags: s.Words.Select(w => classIndex[(w.Upos, w.Xpos)]).ToArray())).ToArray();
        log?.WriteLine($"pos: {train.Count} sentences, {gold.Sum(g => g.Tags.Length)} tokens, {classIndex.Count} classes, {tagDictionary.Count} dictionary words, {lemmatizer.ExceptionCount} lemma exceptions, {lemmatizer.RuleCount} lemma rules");

        var trainer = new PerceptronTrainer(options.BucketBits, classIndex.Count);
        var secondTrainer = options.SecondPass ? new PerceptronTrainer(options.BucketBits, classIndex.Count) : null;
        var firstPass = new int[gold.Max(g => g.Tags.Length)];
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, gold.Length).ToArray();
        Span<ulong> f = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[classIndex.Count];
        PosModel? best = null;
        double bestAccuracy = -1;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int s in order)
            {
                var (forms, tags) = gold[s];
                using var features = new TaggerFeatures(forms, ambiguity);
                int p1 = -1, p2 = -2;
                for (int i = 0; i < forms.Count; i++)
                {
                    int guess;
                    if (tagDictionary.TryGetValue(features.FormHash(i), out byte fixedTag))
                    {
                        guess = fixedTag;
                    }
                    else
                    {
                        int k = features.Extract(i, p1, p2, f);
                        trainer.Score(f[..k], scores);
                        guess = SparseWeights.ArgMax(scores);
                        trainer.Update(f[..k], tags[i], guess);
                    }

                    trainer.Tick();
                    firstPass[i] = guess;
                    p2 = p1;
                    p1 = guess;
                    if (secondTrainer is null)
                    {
                        correct += guess == tags[i] ? 1 : 0;
                        total++;
                    }
                }

                if (secondTrainer is null)
                {
                    continue;
                }

                // The second pass learns from the first pass's current (noisy) tags, so it does
                // not learn to trust right-context tags more than they deserve.
                p1 = -1;
                p2 = -2;
                for (int i = 0; i < forms.Count; i++)
                {
                    int guess;
                    if (tagDictionary.TryGetValue(features.FormHash(i), out byte fixedTag))
                    {
                        guess = fixedTag;
                    }
                    else
                    {
                        int k = features.Extract(i, p1, p2, f, firstPass.AsSpan(0, forms.Count));
                        secondTrainer.Score(f[..k], scores);
                        guess = SparseWeights.ArgMax(scores);
                        secondTrainer.Update(f[..k], tags[i], guess);
                    }

                    secondTrainer.Tick();
                    correct += guess == tags[i] ? 1 : 0;
                    total++;
                    p2 = p1;
                    p1 = guess;
                }
            }

            var model = new PosModel(classUpos, classXpos, tagDictionary, ambiguity, trainer.Average(options.PruneThreshold), secondTrainer?.Average(options.PruneThreshold), lemmatizer);
            if (dev is null)
            {
                log?.WriteLine($"pos: epoch {epoch}: train accuracy {100.0 * correct / total:F2}");
                best = model;
                continue;
            }

            double accuracy = XposAccuracy(model, dev);
            log?.WriteLine($"pos: epoch {epoch}: train accuracy {100.0 * correct / total:F2}, dev XPOS {accuracy:F2}, {model.WeightCount} weights");
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                best = model;
            }
        }

        return best ?? throw new ArgumentException("Epochs must be at least 1.", nameof(options));
    }

    private static double XposAccuracy(PosModel model, IReadOnlyList<ConlluSentence> sentences)
    {
        int correct = 0, total = 0;
        foreach (var s in sentences)
        {
            var forms = s.Words.Select(w => w.Form).ToArray();
            var classes = new int[forms.Length];
            model.TagClasses(forms, classes);
            for (int i = 0; i < forms.Length; i++)
            {
                correct += model.ClassXpos(classes[i]) == s.Words[i].Xpos ? 1 : 0;
                total++;
            }
        }

        return total == 0 ? 0 : 100.0 * correct / total;
    }

    /// <summary>Lower-cased word → hash of the set of tags it had (tags under 2 % of its uses ignored).</summary>
    private static Dictionary<ulong, ulong> BuildAmbiguityClasses(IReadOnlyList<ConlluSentence> train, Dictionary<(string, string), int> classIndex, PosTrainingOptions options)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var w in train.SelectMany(s => s.Words))
        {
            ulong key = FeatureHash.Of(w.Form.AsSpan(), lower: true);
            if (!counts.TryGetValue(key, out var byTag))
            {
                byTag = [];
                counts[key] = byTag;
            }

            int c = classIndex[(w.Upos, w.Xpos)];
            byTag[c] = byTag.GetValueOrDefault(c) + 1;
        }

        var result = new Dictionary<ulong, ulong>();
        foreach (var (key, byTag) in counts)
        {
            int total = byTag.Values.Sum();
            if (total < options.AmbiguityMinCount)
            {
                continue;
            }

            ulong h = 17;
            foreach (int c in byTag.Where(kv => kv.Value >= 0.02 * total).Select(kv => kv.Key).Order())
            {
                h = FeatureHash.Combine(h, (ulong)c);
            }

            result[key] = h;
        }

        return result;
    }

    private static Dictionary<ulong, byte> BuildTagDictionary(IReadOnlyList<ConlluSentence> train, Dictionary<(string, string), int> classIndex, PosTrainingOptions options)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var w in train.SelectMany(s => s.Words))
        {
            ulong key = FeatureHash.Of(w.Form.AsSpan(), lower: false);
            if (!counts.TryGetValue(key, out var byTag))
            {
                byTag = [];
                counts[key] = byTag;
            }

            int c = classIndex[(w.Upos, w.Xpos)];
            byTag[c] = byTag.GetValueOrDefault(c) + 1;
        }

        var result = new Dictionary<ulong, byte>();
        foreach (var (key, byTag) in counts)
        {
            int total = byTag.Values.Sum();
            var top = byTag.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First();
            if (total >= options.TagDictionaryMinCount && top.Value >= options.TagDictionaryMinShare * total)
            {
                result[key] = (byte)top.Key;
            }
        }

        return result;
    }
}
