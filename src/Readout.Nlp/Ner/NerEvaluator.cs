using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
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
            // The document pass reads only the words of the document, never its gold spans.
            var tagged = model.TagDocument(
                [.. document.Select(s => s.Forms)], [.. document.Select(s => (IReadOnlyList<Upos>)posModel.Tag(s.Forms).Upos)], gazetteer, [.. document.Select(s => s.SpaceAfter)]);
            for (int i = 0; i < document.Count; i++)
            {
                var s = document[i];
                var predicted = tagged[i].Where(Keep).ToList();
                var gold = s.Spans.Where(Keep).ToList();
                scores.Add(gold, predicted);
                errors?.AddRange(NerError.Compare(s, gold, predicted));
            }
        }

        return scores;

        bool Keep(NerSpan span) => kinds is null || kinds.Contains(span.Kind);
    }

    /// <summary>
    /// Scores a pipeline stage that writes <see cref="LayerKeys.Entities"/> (the rule-based recognizer) the same way:
    /// each gold document becomes a document of its tokens (with the corpus's spaces), tagged by <paramref name="posModel"/>
    /// then <paramref name="stage"/>; countries count as places, descriptions and pronouns are dropped.
    /// </summary>
    public static NerScores EvaluateStage(IStage stage, PosModel posModel, IEnumerable<NerSentence> sentences, IReadOnlySet<EntityKind>? kinds = null, List<NerError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(posModel);
        ArgumentNullException.ThrowIfNull(sentences);
        var scores = new NerScores();
        var tagger = new PosTagger(posModel);
        foreach (var document in NerSentence.Documents(sentences.Where(s => s.Forms.Count > 0)))
        {
            var (doc, firsts) = ToDocument(document);
            tagger.Process(doc);
            stage.Process(doc);
            var mentions = doc.Get(LayerKeys.Entities);
            for (int i = 0; i < document.Count; i++)
            {
                var s = document[i];
                int first = firsts[i], end = first + s.Forms.Count;
                var predicted = mentions
                    .Where(m => m.FirstToken >= first && m.EndToken <= end && m.EndToken > m.FirstToken)
                    .Select(m => new NerSpan(m.FirstToken - first, m.EndToken - first, m.Kind == EntityKind.Country ? EntityKind.Place : m.Kind))
                    .Where(m => m.Kind is EntityKind.Person or EntityKind.Organization or EntityKind.Place or EntityKind.Nationality)
                    .Where(Keep)
                    .Distinct()
                    .ToList();
                var gold = s.Spans.Where(Keep).ToList();
                scores.Add(gold, predicted);
                errors?.AddRange(NerError.Compare(s, gold, predicted));
            }
        }

        return scores;

        bool Keep(NerSpan span) => kinds is null || kinds.Contains(span.Kind);
    }

    /// <summary>
    /// A document of the sentences' tokens, separated by spaces where the corpus had them (everywhere when it does not
    /// say), sentences by blank lines; and each sentence's first token.
    /// </summary>
    private static (Document Document, int[] Firsts) ToDocument(List<NerSentence> sentences)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var table = new List<Sentence>();
        var firsts = new int[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            firsts[i] = starts.Count;
            int sentenceStart = text.Length;
            var spaceAfter = sentences[i].SpaceAfter;
            for (int k = 0; k < sentences[i].Forms.Count; k++)
            {
                string form = sentences[i].Forms[k];
                if (k > 0 && (spaceAfter is null || spaceAfter[k - 1]))
                {
                    text.Append(' ');
                }

                starts.Add(text.Length);
                text.Append(form);
                ends.Add(text.Length);
            }

            table.Add(new Sentence(firsts[i], starts.Count, new TextSpan(sentenceStart, text.Length - sentenceStart)));
            text.Append("\n\n");
        }

        var document = new Document("ner-eval", text.ToString());
        document.Set(LayerKeys.Tokens, new TokenTable([.. starts], [.. ends]));
        document.Set(LayerKeys.Sentences, new SentenceTable(table));
        return (document, firsts);
    }
}
