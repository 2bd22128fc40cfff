using Readout.Core.Layers;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Ner;

/// <summary>Span-level evaluation of a <see cref="NerModel"/> on gold sentences (parts of speech predicted).</summary>
public static class NerEvaluator
{
    /// <summary>
    /// Tags every sentence (with the other sentences of its document as context) and counts exact-match spans. Kinds outside <paramref name="kinds"/> (when given)
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
        foreach (var document in NerSentence.Documents(sentences.Where(s => s.Forms.Count > 0)))
        {
            // The document context reads only the words of the document, never its gold spans.
            var context = new NerDocumentContext(document.Select(s => s.Forms));
            for (int i = 0; i < document.Count; i++)
            {
                var s = document[i];
                var predicted = model.Tag(s.Forms, posModel.Tag(s.Forms).Upos, gazetteer, context, i).Where(Keep).ToList();
                var gold = s.Spans.Where(Keep).ToList();
                scores.Add(gold, predicted);
                errors?.AddRange(NerError.Compare(s, gold, predicted));
            }
        }

        return scores;

        bool Keep(NerSpan span) => kinds is null || kinds.Contains(span.Kind);
    }
}
