namespace Readout.Storage;

/// <summary>Two countries (ISO 3166-1 alpha-3) of a dyad; matches events in either direction.</summary>
public sealed record CountryPair(string First, string Second);
