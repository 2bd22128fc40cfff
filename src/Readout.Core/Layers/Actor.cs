namespace Readout.Core.Layers;

/// <summary>
/// A resolved actor, valid on the article's date.
/// </summary>
/// <param name="Name">Canonical name ("Shinzo Abe", "Japan", "Foreign Ministry").</param>
/// <param name="Country">ISO 3166-1 alpha-3 (as CAMEO), or an IGO code; null when unknown.</param>
/// <param name="Sector">CAMEO/PLOVER agent code: GOV, MIL, BUS, MED, CVL, OPP, IGO, COP, REB, JUD …</param>
/// <param name="Role">Office or function ("Prime Minister").</param>
public sealed record Actor(string Name, string? Country, string? Sector, string? Role);
