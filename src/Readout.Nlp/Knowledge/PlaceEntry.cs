namespace Readout.Nlp.Knowledge;

/// <summary>A gazetteer entry from <c>places.tsv</c> (GeoNames populated places) or <c>features.tsv</c> (regions, seas …).</summary>
/// <param name="Id">GeoNames id, or "x-…" for Readout's own features.</param>
/// <param name="Name">Name as GeoNames writes it ("Hōfu").</param>
/// <param name="AsciiName">Name without diacritics; equal to <paramref name="Name"/> when it has none.</param>
/// <param name="Aliases">Other names (features only).</param>
/// <param name="Country">ISO alpha-3; null for seas and other features no state holds.</param>
/// <param name="Admin1">First-level division name ("Kyoto"); empty when unknown.</param>
/// <param name="Latitude">Degrees north, WGS84.</param>
/// <param name="Longitude">Degrees east, WGS84.</param>
/// <param name="Population">Inhabitants; 0 for features.</param>
/// <param name="Feature">GeoNames feature code (PPLC capital, PPLA admin seat, PPL, ADM1, SEA …).</param>
public sealed record PlaceEntry(
    string Id,
    string Name,
    string AsciiName,
    IReadOnlyList<string> Aliases,
    string? Country,
    string Admin1,
    double Latitude,
    double Longitude,
    long Population,
    string Feature);
