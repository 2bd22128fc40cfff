namespace Readout.Nlp.Knowledge;

/// <summary>A country or territory from <c>countries.tsv</c>.</summary>
/// <param name="Alpha3">ISO 3166-1 alpha-3, the code CAMEO uses for states (Kosovo is XKX).</param>
/// <param name="Alpha2">ISO 3166-1 alpha-2.</param>
/// <param name="Name">Canonical short English name ("Russia", not "Russian Federation").</param>
/// <param name="Aliases">Other names and abbreviations ("U.S.", "Britain").</param>
/// <param name="Demonyms">Adjectives and plural nouns ("Russian", "Russians"); the first is the adjective.</param>
/// <param name="Capitals">Seats of government, used as metonyms for the government ("Tokyo hopes …").</param>
/// <param name="IsState">True for states (including Kosovo, Taiwan, Palestine); false for dependent territories.</param>
public sealed record CountryEntry(
    string Alpha3,
    string Alpha2,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    bool IsState);
