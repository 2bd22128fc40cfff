namespace Readout.Storage;

/// <summary>An event location with coordinates and the number of matching events located there.</summary>
public sealed record PlaceCount(string Name, string? Country, double Latitude, double Longitude, int EventCount);
