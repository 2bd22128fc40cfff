using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// The repository lexicon against the CAMEO-to-PLOVER table (../shared/data/CAMEO2PLOVER-2021.txt,
/// read in place): every entry's CAMEO code is in the table under the entry's PLOVER type, and every
/// PLOVER type has entries.
/// </summary>
public class LexiconCameoTests
{
    /// <summary>
    /// Deliberate departures from the 2021 table: apologies are CONCEDE as the PLOVER manual says
    /// (the table puts CAMEO 055 under SUPPORT); sanctions and embargoes (CAMEO 163) stay SANCTION
    /// (the table puts them under COERCE).
    /// </summary>
    private static readonly Dictionary<string, EventType> Departures = new(StringComparer.Ordinal)
    {
        ["055"] = EventType.Concede,
        ["163"] = EventType.Sanction,
    };

    [Fact]
    public void Load_RepositoryLexicon_CameoCodesMatchTheirPloverTypeInTheTable()
    {
        var table = ReadTable(Path.Combine(RepoPaths.SharedData, "CAMEO2PLOVER-2021.txt"));
        var entries = Entries();

        var wrong = entries
            .Where(e => !(table.TryGetValue(e.Cameo, out var types) && types.Contains(e.Type))
                && !(Departures.TryGetValue(e.Cameo, out var type) && type == e.Type))
            .Select(e => $"{e.Origin} {e.Trigger} {e.Type} {e.Cameo}")
            .ToList();

        Assert.True(wrong.Count == 0, "CAMEO code not in the table under the entry's type:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Load_RepositoryLexicon_EveryPloverTypeHasEntries()
    {
        var counts = Entries().GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Enum.GetValues<EventType>(), t => Assert.True(counts.GetValueOrDefault(t) >= 10, $"{t}: {counts.GetValueOrDefault(t)} entries"));
        Assert.True(counts.Values.Sum() >= 300, $"{counts.Values.Sum()} entries");
    }

    private static List<PredicateEntry> Entries()
    {
        var path = Path.Combine(RepoPaths.Root, ReadoutPipeline.LexiconFile);
        var lexicon = PredicateLexicon.Load(path);
        var lemmas = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Select(c => (c[0].Split(' ')[0], c[1] == "N")).Distinct();
        return [.. lemmas.SelectMany(l => l.Item2 ? lexicon.Nouns(l.Item1) : lexicon.Verbs(l.Item1))];
    }

    /// <summary>Code → PLOVER types from lines like "0841: RETREAT, release, legal # comment".</summary>
    private static Dictionary<string, HashSet<EventType>> ReadTable(string path)
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
                if (!table.TryGetValue(line[..colon].Trim(), out var set))
                {
                    table[line[..colon].Trim()] = set = [];
                }

                set.Add(t);
            }
        }

        return table;
    }
}
