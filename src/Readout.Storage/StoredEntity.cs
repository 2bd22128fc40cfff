using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>An entity mention of a stored article and the actor it resolved to, if any.</summary>
/// <param name="Ordinal">Index in the document's entity layer (what actor and place mentions refer to).</param>
/// <param name="ActorEvidence">How the actor was resolved (<see cref="ActorMention.Evidence"/>).</param>
public sealed record StoredEntity(int Ordinal, EntityMention Mention, Actor? Actor, string? ActorEvidence);
