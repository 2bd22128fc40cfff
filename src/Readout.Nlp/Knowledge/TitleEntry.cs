namespace Readout.Nlp.Knowledge;

/// <summary>A title, role or group noun from <c>titles.tsv</c> with its sector.</summary>
/// <param name="Phrase">Lower-case phrase, one or more words ("deputy prime minister").</param>
/// <param name="Sector">CAMEO agent code.</param>
/// <param name="Role">Canonical role in title case ("Deputy Prime Minister").</param>
/// <param name="Rank">0–100, higher is more senior.</param>
public sealed record TitleEntry(string Phrase, string Sector, string Role, int Rank)
{
    /// <summary>Number of space-separated words in <see cref="Phrase"/>.</summary>
    public int WordCount { get; } = Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
