namespace Readout.Core.Layers;

/// <summary>Where an event happened. <paramref name="Country"/> is ISO 3166-1 alpha-3.</summary>
public sealed record EventLocation(string Name, string? Country, double? Latitude, double? Longitude);
