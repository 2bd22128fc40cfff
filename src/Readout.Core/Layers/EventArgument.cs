namespace Readout.Core.Layers;

/// <summary>A participant of an event: the words in the text and the actor they resolve to.</summary>
public sealed record EventArgument(string Text, TextSpan Span, Actor Actor);
