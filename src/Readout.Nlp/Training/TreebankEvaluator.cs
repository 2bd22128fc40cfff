using Readout.Nlp.Conllu;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Training;

/// <summary>
/// Scores the tagger, lemmatizer and parser against gold CoNLL-U with gold tokenization and
/// predicted tags (the parser sees the tagger's output, never the gold tags). Punctuation counts.
/// </summary>
public static class TreebankEvaluator
{
    public static EvaluationResult Evaluate(PosModel pos, ParserModel? parser, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(pos);
        ArgumentNullException.ThrowIfNull(gold);
        long words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
        foreach (var sentence in gold)
        {
            var forms = sentence.Words.Select(w => w.Form).ToArray();
            var tags = pos.Tag(forms);
            var tree = parser?.Parse(forms, tags.Upos, tags.Xpos);
            for (int i = 0; i < forms.Length; i++)
            {
                var g = sentence.Words[i];
                words++;
                upos += tags.Upos[i].ToString() == g.Upos ? 1 : 0;
                xpos += tags.Xpos[i] == g.Xpos ? 1 : 0;
                lemma += tags.Lemmas[i] == g.Lemma ? 1 : 0;
                if (tree is null || tree.Value.Heads[i] + 1 != g.Head)
                {
                    continue;
                }

                uas++;
                string predicted = tree.Value.Relations[i];
                las += Universal(predicted).SequenceEqual(Universal(g.Relation)) ? 1 : 0;
                lasFull += predicted == g.Relation ? 1 : 0;
            }
        }

        double Percent(long n) => words == 0 ? 0 : 100.0 * n / words;
        return new EvaluationResult(gold.Count, (int)words, Percent(upos), Percent(xpos), Percent(lemma), Percent(uas), Percent(las), Percent(lasFull));
    }

    /// <summary>Evaluates on the sentences of CoNLL-U files (directories expand to their <c>*.conllu</c> files).</summary>
    public static EvaluationResult EvaluateFiles(PosModel pos, ParserModel? parser, IEnumerable<string> paths) =>
        Evaluate(pos, parser, ConlluReader.ReadAnnotatedFiles(paths));

    private static ReadOnlySpan<char> Universal(string relation)
    {
        int colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }
}
