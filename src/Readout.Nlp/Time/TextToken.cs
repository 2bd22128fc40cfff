namespace Readout.Nlp.Time;

internal enum TokenKind : byte
{
    Word,
    Digits,
    Punct,
}

/// <summary>A token of the recognizer's own light scan: letter runs, digit runs, single punctuation.
/// "Dec." and "a.m." keep their periods; hyphens are separate tokens.</summary>
internal struct TextToken
{
    public int Start;
    public int End;
    public TokenKind Kind;
    public WordInfo? Info;

    /// <summary>Value of a digit run of at most 9 digits, else -1.</summary>
    public int Number;

    /// <summary>First character is an upper-case letter.</summary>
    public bool Upper;

    /// <summary>A paragraph break or sentence end comes before this token.</summary>
    public bool BreakBefore;

    public readonly int Length => End - Start;
}
