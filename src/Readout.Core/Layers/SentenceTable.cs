namespace Readout.Core.Layers;

/// <summary>Sentences in document order; together they cover every token outside excluded regions.</summary>
public sealed class SentenceTable(IReadOnlyList<Sentence> sentences)
{
    public IReadOnlyList<Sentence> Items { get; } = sentences;

    public int Count => Items.Count;

    public Sentence this[int index] => Items[index];

    /// <summary>The index of the sentence holding <paramref name="token"/>, or -1.</summary>
    public int IndexOfToken(int token)
    {
        int lo = 0, hi = Items.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Items[mid];
            if (token < s.FirstToken)
            {
                hi = mid - 1;
            }
            else if (token >= s.EndToken)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
