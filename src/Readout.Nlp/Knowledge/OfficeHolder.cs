namespace Readout.Nlp.Knowledge;

/// <summary>One term of office from <c>officeholders.tsv</c>. A person with several offices has several records.</summary>
/// <param name="Name">Full canonical name ("Shinzo Abe").</param>
/// <param name="Aliases">Surname and other forms used in news ("Abe").</param>
/// <param name="Country">ISO alpha-3, or an organization code for IGO offices.</param>
/// <param name="Role">Office, as in <c>titles.tsv</c> roles ("Prime Minister").</param>
/// <param name="Sector">CAMEO agent code.</param>
/// <param name="From">First day in office.</param>
/// <param name="To">Last day in office (inclusive); null while in office.</param>
public sealed record OfficeHolder(
    string Name,
    IReadOnlyList<string> Aliases,
    string Country,
    string Role,
    string Sector,
    DateOnly From,
    DateOnly? To)
{
    /// <summary>True when <paramref name="date"/> falls within the term (both ends inclusive).</summary>
    public bool IsInOffice(DateOnly date) => From <= date && (To is null || date <= To.Value);
}
