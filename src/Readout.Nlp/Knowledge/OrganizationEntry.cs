namespace Readout.Nlp.Knowledge;

/// <summary>An international organization, NGO, armed group or news agency from <c>organizations.tsv</c>.</summary>
/// <param name="Code">Unique short key, usually the acronym ("UN", "NATO").</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Aliases">Other names and acronyms.</param>
/// <param name="Sector">CAMEO agent code: IGO, NGO, REB, MED, MIL, PTY, BUS.</param>
/// <param name="Country">Home country (ISO alpha-3) for groups tied to one state; null for international bodies.</param>
/// <param name="Cameo">CAMEO actor code as in the Phoenix dictionaries ("IGOUNO"); null when none.</param>
public sealed record OrganizationEntry(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    string Sector,
    string? Country,
    string? Cameo);
