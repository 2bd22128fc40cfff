namespace Readout.Core.Layers;

/// <summary>A sentence as a token range <c>[FirstToken, EndToken)</c> and its character span.</summary>
public readonly record struct Sentence(int FirstToken, int EndToken, TextSpan Span)
{
    public int TokenCount => EndToken - FirstToken;
}
