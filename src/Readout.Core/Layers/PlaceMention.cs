namespace Readout.Core.Layers;

/// <summary>A toponym resolved to a gazetteer entry.</summary>
/// <param name="Entity">Index into the entity layer.</param>
/// <param name="Country">ISO 3166-1 alpha-3.</param>
public sealed record PlaceMention(int Entity, string Name, string? Country, double? Latitude, double? Longitude, string? GazetteerId);
