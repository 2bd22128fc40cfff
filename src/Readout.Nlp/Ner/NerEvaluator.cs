using Readout.Core.Layers;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Ner;

/// <summary>Span-level evaluation of a <see cref="NerModel"/> on gold sentences (parts of speech predicted).</summary>
public static class NerEvaluator
{
    /// <summary>
    /// Tags every sentence and counts exact-match spans. Kinds outside <paramref name="kinds"/> (when given)
    /// are dropped from both sides, as Nationality is for corpora that do not mark it. When
    /// <paramref name="errors"/> is given, every error is added to it (see <see cref="NerError.Compare"/>).
    /// </summary>
    public static NerScores Evaluate(NerModel model, PosModel posModel, NerGazetteer gazetteer, IEnumerable<NerSentence> sentences, IReadOnlySet<EntityKind>? kinds = null, List<NerError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(posModel);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(sentences);
        var scores = new NerScores();
        foreach (var s in sentences)
        {
            if (s.Forms.Count == 0)
            {
                continue;
            }

            var predicted = model.Tag(s.Forms, posModel.Tag(s.Forms).Upos, gazetteer).Where(Keep).ToList();
            var gold = s.Spans.Where(Keep).ToList();
            scores.Add(gold, predicted);
            errors?.AddRange(NerError.Compare(s, gold, predicted));
        }

        return scores;

        bool Keep(NerSpan span) => kinds is null || kinds.Contains(span.Kind);
    }
}
