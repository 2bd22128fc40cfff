using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Training;

/// <summary>
/// Jackknifed tags: each of <c>k</c> folds is tagged by a tagger trained on the other folds, so the
/// parser trains on tags as noisy as those it will see at run time.
/// </summary>
public static class Jackknife
{
    /// <summary>Predicted tags for every sentence of <paramref name="train"/> (fold of sentence <c>i</c> is <c>i mod folds</c>).</summary>
    public static PosTags[] Tag(IReadOnlyList<ConlluSentence> train, int folds, PosTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var result = new PosTags[train.Count];
        for (int fold = 0; fold < folds; fold++)
        {
            var rest = train.Where((_, i) => i % folds != fold).ToList();
            var model = PosTrainer.Train(rest, null, options with { Seed = options.Seed + fold });
            long correct = 0, total = 0;
            for (int i = fold; i < train.Count; i += folds)
            {
                var words = train[i].Words;
                result[i] = model.Tag(words.Select(w => w.Form).ToArray());
                correct += words.Where((w, j) => result[i].Xpos[j] == w.Xpos).Count();
                total += words.Count;
            }

            log?.WriteLine($"jackknife: fold {fold + 1}/{folds}: held-out XPOS {100.0 * correct / total:F2}");
        }

        return result;
    }
}
