namespace Readout.Nlp.Ner;

/// <summary>
/// One tokenized sentence with its gold name spans (sorted, non-overlapping). <paramref name="Document"/> names
/// the document it belongs to: consecutive sentences with the same name form one document.
/// </summary>
public sealed record NerSentence(IReadOnlyList<string> Forms, IReadOnlyList<NerSpan> Spans, string Document = "")
{
    /// <summary>Whether a space follows each token; null when the corpus does not say (see <see cref="NerHyphens"/>).</summary>
    public IReadOnlyList<bool>? SpaceAfter { get; init; }

    /// <summary>Runs of consecutive sentences of the same document.</summary>
    public static IEnumerable<List<NerSentence>> Documents(IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var run = new List<NerSentence>();
        foreach (var s in sentences)
        {
            if (run.Count > 0 && run[0].Document != s.Document)
            {
                yield return run;
                run = [];
            }

            run.Add(s);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
