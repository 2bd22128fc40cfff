namespace Readout.Nlp.Ner;

/// <summary>
/// One scoring error: a gold span not found exactly (with the overlapping prediction, if any) or a
/// prediction overlapping no gold span.
/// </summary>
public sealed record NerError(NerErrorClass Class, NerSentence Sentence, NerSpan? Gold, NerSpan? Predicted)
{
    /// <summary>Tokens of a span joined by spaces.</summary>
    public string Text(NerSpan span) => string.Join(' ', Sentence.Forms.Skip(span.Start).Take(span.End - span.Start));

    /// <summary>One line: class, gold and predicted spans with their kinds, and the sentence.</summary>
    public override string ToString()
    {
        string Show(NerSpan? s) => s is { } v ? $"[{Text(v)}] {NerTagger.ShortName(v.Kind)}" : "-";
        return $"{Class,-15}  gold {Show(Gold),-40}  predicted {Show(Predicted),-40}  | {string.Join(' ', Sentence.Forms)}";
    }

    /// <summary>
    /// The errors of one sentence: each gold span not predicted exactly is classified by the
    /// prediction overlapping it most; each prediction overlapping no gold span is spurious.
    /// </summary>
    public static IEnumerable<NerError> Compare(NerSentence sentence, IReadOnlyCollection<NerSpan> gold, IReadOnlyCollection<NerSpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        foreach (var g in gold)
        {
            if (predicted.Contains(g))
            {
                continue;
            }

            var overlapping = predicted.Where(p => Overlap(p, g) > 0).OrderByDescending(p => Overlap(p, g)).ToList();
            if (overlapping.Count == 0)
            {
                yield return new NerError(NerErrorClass.Missed, sentence, g, null);
                continue;
            }

            var p = overlapping[0];
            var kind = p.Start == g.Start && p.End == g.End ? NerErrorClass.Type
                : p.Kind == g.Kind ? NerErrorClass.Boundary
                : NerErrorClass.BoundaryAndType;
            yield return new NerError(kind, sentence, g, p);
        }

        foreach (var p in predicted)
        {
            if (!gold.Any(g => Overlap(p, g) > 0))
            {
                yield return new NerError(NerErrorClass.Spurious, sentence, null, p);
            }
        }
    }

    private static int Overlap(NerSpan a, NerSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
