namespace Readout.Core.Layers;

/// <summary>
/// The document's tokens as flat columns (STYLE.md: columnar). Token <c>i</c> covers
/// <c>[Starts[i], Ends[i])</c>; tokens are ordered and never overlap. Gaps are whitespace.
/// </summary>
public sealed class TokenTable
{
    public TokenTable(int[] starts, int[] ends)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(ends);
        if (starts.Length != ends.Length)
        {
            throw new ArgumentException("Starts and ends differ in length.", nameof(ends));
        }

        Starts = starts;
        Ends = ends;
    }

    public int Count => Starts.Length;

    public int[] Starts { get; }

    public int[] Ends { get; }

    public TextSpan Span(int token) => TextSpan.FromBounds(Starts[token], Ends[token]);

    public string Text(string documentText, int token) => documentText[Starts[token]..Ends[token]];

    public ReadOnlySpan<char> Chars(string documentText, int token) => documentText.AsSpan(Starts[token], Ends[token] - Starts[token]);

    /// <summary>Index of the first token whose end is after <paramref name="offset"/> (binary search).</summary>
    public int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Ends[mid] <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
