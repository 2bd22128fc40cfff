namespace Readout.Nlp.Knowledge;

/// <summary>A government institution or metonym from <c>institutions.tsv</c> ("Kremlin", "Foreign Ministry").</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Aliases">Other forms.</param>
/// <param name="Country">ISO alpha-3, or null when the country comes from context (see <see cref="IsContextual"/>).</param>
/// <param name="Sector">CAMEO agent code (GOV, MIL, LEG, JUD, COP, SPY).</param>
/// <param name="Note">Ambiguity or usage note; empty when none.</param>
public sealed record InstitutionEntry(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Country,
    string Sector,
    string Note)
{
    /// <summary>True when the file gives <c>*</c>: the country is the possessor's, the adjective's, or the article's home country.</summary>
    public bool IsContextual => Country is null;
}
