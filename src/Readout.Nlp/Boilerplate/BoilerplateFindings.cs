using Readout.Core.Layers;

namespace Readout.Nlp.Boilerplate;

/// <summary>What <see cref="BoilerplateDetector.Detect(string)"/> found in a text.</summary>
/// <param name="Regions">Byline, dateline and boilerplate regions, sorted by start, never overlapping.</param>
/// <param name="Byline">The byline without its marker: "Kyodo" for "• Kyodo", "JANE DOE, Reuters" for "By JANE DOE, Reuters".</param>
/// <param name="Dateline">The dateline's place as written ("TOKYO", "WASHINGTON").</param>
/// <param name="Agency">The agency named by the byline or the dateline ("Kyodo", "Reuters", "AP"), if any.</param>
public sealed record BoilerplateFindings(IReadOnlyList<TextRegion> Regions, string? Byline, string? Dateline, string? Agency);
