using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>The number of events of one type from one source node to one target node.</summary>
/// <param name="Source">Country code or actor name, depending on the <see cref="NetworkLevel"/>.</param>
/// <param name="SourceCountry">The source's country (the same as <paramref name="Source"/> at country level).</param>
public sealed record InteractionCount(string Source, string? SourceCountry, string Target, string? TargetCountry, EventType Type, int Count);
