namespace Readout.Core.Layers;

/// <summary>A mention as a token range <c>[FirstToken, EndToken)</c> and its character span.</summary>
public sealed record EntityMention(TextSpan Span, int FirstToken, int EndToken, EntityKind Kind, string Text)
{
    /// <summary>Which recognizer found it (<see cref="LayerKeys.Entities"/> records it; other layers leave it <see cref="EntitySources.None"/>).</summary>
    public EntitySources Sources { get; init; }
}
