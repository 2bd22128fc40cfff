namespace Readout.Core.Layers;

/// <summary>One entity mention resolved to an actor.</summary>
/// <param name="Entity">Index into the entity layer.</param>
/// <param name="Evidence">How it was resolved ("title", "demonym", "kb", "coref:Abe", "home-country").</param>
public sealed record ActorMention(int Entity, Actor Actor, string Evidence);
