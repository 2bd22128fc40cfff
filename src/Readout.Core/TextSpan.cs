namespace Readout.Core;

/// <summary>
/// A half-open range <c>[Start, Start + Length)</c> of UTF-16 code units in a document's text,
/// exactly as the text was received after decoding.
/// </summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start},{End})";
}
