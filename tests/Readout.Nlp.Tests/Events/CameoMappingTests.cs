using Readout.Core.Layers;
using Readout.Nlp.Events;
using Xunit.Abstractions;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// Readout's CAMEO → PLOVER table (data/ontology/cameo-plover.tsv) against the 2021 CAMEO-to-PLOVER table
/// (../shared/data/CAMEO2PLOVER-2021.txt, read in place), against the ontology, and the lexicon against it.
/// </summary>
public class CameoMappingTests(ITestOutputHelper output)
{
    [Fact]
    public void FromLines_FourDigitCodeNotListed_FallsBackToItsParent()
    {
        var mapping = CameoMapping.FromLines(["087\tRETREAT\t-\tmilitary\tde-escalating"], "m.tsv");

        Assert.True(mapping.TryGet("0879", out var reading));
        Assert.Equal(EventType.Retreat, reading.Type);
        Assert.False(mapping.TryGet("088", out _));
    }

    [Theory]
    [InlineData("04\tCONSULT\t-\t-", "tab-separated")]
    [InlineData("4a\tCONSULT\t-\t-\tx", "CAMEO code")]
    [InlineData("040\tMEET\t-\t-\tx", "unknown PLOVER type 'MEET'")]
    public void FromLines_BadLine_ThrowsNamingTheLine(string line, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => CameoMapping.FromLines(["040\tCONSULT\t-\t-\tmeeting", line], "m.tsv"));

        Assert.StartsWith("m.tsv:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every code of the 2021 table is in ours; ours gives the table's type unless its note starts "departs:"
    /// and says why; and no note says "departs:" where the types agree. The departures are printed.
    /// </summary>
    [Fact]
    public void Load_RepositoryMapping_AgreesWithThe2021TableExceptDocumentedDepartures()
    {
        var table = Read2021Table(Path.Combine(RepoPaths.SharedData, "CAMEO2PLOVER-2021.txt"));
        var ours = Repository();
        var missing = table.Keys.Where(code => !ours.Readings.Any(r => r.Code == code)).ToList();
        var undocumented = new List<string>();
        var needless = new List<string>();
        foreach (var r in ours.Readings)
        {
            bool same = table.TryGetValue(r.Code, out var types) ? r.Type is { } t && types.Contains(t) : r.Type is null;
            if (!same && !r.Departs)
            {
                undocumented.Add($"{r.Code} {r.Type?.ToString() ?? "-"} (2021 table: {(types is null ? "dropped" : string.Join('/', types))})");
            }
            else if (same && r.Departs)
            {
                needless.Add(r.Code);
            }
        }

        foreach (var r in ours.Readings.Where(r => r.Departs))
        {
            output.WriteLine($"{r.Code} {r.Type?.ToString().ToUpperInvariant() ?? "-"} (2021 table: {(table.TryGetValue(r.Code, out var t) ? string.Join('/', t) : "dropped")}): {r.Note}");
        }

        Assert.True(missing.Count == 0, "codes of the 2021 table missing: " + string.Join(", ", missing));
        Assert.True(undocumented.Count == 0, "differences without a 'departs:' note:\n" + string.Join('\n', undocumented));
        Assert.True(needless.Count == 0, "'departs:' notes where the types agree: " + string.Join(", ", needless));
        Assert.InRange(ours.Readings.Count(r => r.Departs), 1, 60);
    }

    [Fact]
    public void Load_RepositoryMapping_ModesAndContextsAreInTheOntology()
    {
        var ontology = PloverOntologyTests.Repository();
        var wrong = Repository().Readings
            .Where(r => r.Mode is { } m && !(r.Type is { } t && ontology.IsMode(t, m)) || r.Context is { } c && !ontology.IsContext(c))
            .Select(r => $"{r.Code} {r.Type} {r.Mode} {r.Context}")
            .ToList();

        Assert.True(wrong.Count == 0, "not in data/ontology/plover.tsv:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Load_RepositoryLexicon_CameoCodesMapToTheEntrysType()
    {
        var mapping = Repository();
        var wrong = LexiconEntries.All()
            .Where(e => !(mapping.TryGet(e.Cameo, out var r) && r.Type == e.Type))
            .Select(e => $"{e.Origin} {e.Trigger} {e.Type} {e.Cameo} -> {(mapping.TryGet(e.Cameo, out var r) ? r.Type?.ToString() ?? "dropped" : "unknown")}")
            .ToList();

        Assert.True(wrong.Count == 0, "CAMEO code maps to another type:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Load_RepositoryLexicon_EveryPloverTypeHasEntries()
    {
        var counts = LexiconEntries.All().GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (type, n) in counts.OrderBy(p => p.Key))
        {
            output.WriteLine($"{type.ToString().ToUpperInvariant(),-10} {n,4}");
        }

        Assert.All(Enum.GetValues<EventType>(), t => Assert.True(counts.GetValueOrDefault(t) >= 10, $"{t}: {counts.GetValueOrDefault(t)} entries"));
        Assert.True(counts.Values.Sum() >= 300, $"{counts.Values.Sum()} entries");
    }

    private static CameoMapping Repository() => CameoMapping.Load(Path.Combine(RepoPaths.Root, CameoMapping.File));

    /// <summary>Code → PLOVER types from lines like "0841: RETREAT, release, legal # comment" (a code may be listed under two types).</summary>
    private static Dictionary<string, HashSet<EventType>> Read2021Table(string path)
    {
        var table = new Dictionary<string, HashSet<EventType>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon <= 0)
            {
                continue;
            }

            string type = line[(colon + 1)..].Split('#')[0].Split(',')[0].Trim();
            if (Enum.TryParse<EventType>(type, ignoreCase: true, out var t))
            {
                string code = line[..colon].Trim();
                if (!table.TryGetValue(code, out var set))
                {
                    table[code] = set = [];
                }

                set.Add(t);
            }
        }

        return table;
    }
}
