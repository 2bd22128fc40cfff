using Readout.Core.Layers;

namespace Readout.Nlp.Tagging;

/// <summary>
/// The token ranges a tagger or parser works on: every sentence, plus each run of tokens that no
/// sentence covers (excluded regions), so that per-token layers are complete.
/// </summary>
internal static class SentenceRanges
{
    public static List<(int First, int End)> Of(TokenTable tokens, SentenceTable sentences)
    {
        var ranges = new List<(int, int)>(sentences.Count + 4);
        int next = 0;
        foreach (var s in sentences.Items.OrderBy(s => s.FirstToken))
        {
            int first = Math.Max(s.FirstToken, next);
            int end = Math.Min(s.EndToken, tokens.Count);
            if (first > next)
            {
                ranges.Add((next, first));
            }

            if (end > first)
            {
                ranges.Add((first, end));
                next = end;
            }
        }

        if (next < tokens.Count)
        {
            ranges.Add((next, tokens.Count));
        }

        return ranges;
    }
}
