namespace Readout.Core.Layers;

/// <summary>A mention as a token range <c>[FirstToken, EndToken)</c> and its character span.</summary>
public sealed record EntityMention(TextSpan Span, int FirstToken, int EndToken, EntityKind Kind, string Text);
