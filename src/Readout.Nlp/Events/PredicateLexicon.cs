using System.Collections.Frozen;
using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>
/// The predicate lexicon (data/lexicon/predicates.tsv and user files): lemma → entries.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class PredicateLexicon
{
    private readonly FrozenDictionary<string, PredicateEntry[]> _verbs;
    private readonly FrozenDictionary<string, PredicateEntry[]> _nouns;

    private PredicateLexicon(IEnumerable<PredicateEntry> entries)
    {
        var list = entries.ToList();
        Count = list.Count;
        _verbs = list.Where(e => !e.IsNoun).GroupBy(e => e.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _nouns = list.Where(e => e.IsNoun).GroupBy(e => e.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public int Count { get; }

    public IReadOnlyList<PredicateEntry> Verbs(string lemma) => _verbs.TryGetValue(lemma, out var e) ? e : [];

    public IReadOnlyList<PredicateEntry> Nouns(string lemma) => _nouns.TryGetValue(lemma, out var e) ? e : [];

    /// <summary>Loads one or more lexicon files; later files add entries.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names file and line.</exception>
    public static PredicateLexicon Load(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var entries = new List<PredicateEntry>();
        foreach (var path in paths)
        {
            entries.AddRange(Parse(File.ReadLines(path), Path.GetFileName(path)));
        }

        return new PredicateLexicon(entries);
    }

    public static PredicateLexicon FromLines(IEnumerable<string> lines, string name) => new(Parse(lines, name));

    private static IEnumerable<PredicateEntry> Parse(IEnumerable<string> lines, string name)
    {
        foreach (var (where, cols) in DataLines.Read(lines, name))
        {
            if (cols.Length != 8)
            {
                throw new FormatException($"{where}: expected 8 tab-separated columns, found {cols.Length}.");
            }

            var type = PloverOntology.ParseType(cols[3], where);

            bool isNoun = cols[1] switch
            {
                "V" => false,
                "N" => true,
                _ => throw new FormatException($"{where}: pos must be V or N, not '{cols[1]}'."),
            };

            IReadOnlySet<string> objects = cols[2] == "-" ? FrozenSet<string>.Empty : cols[2].Split('|').ToFrozenSet(StringComparer.Ordinal);
            List<ArgumentFrame> frames;
            try
            {
                frames = [.. cols[7].Split(';').Select(ArgumentFrame.Parse)];
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{where}: {ex.Message}", ex);
            }

            yield return new PredicateEntry(cols[0], isNoun, objects, type, DataLines.Dash(cols[4]), DataLines.Dash(cols[5]), cols[6], frames, where);
        }
    }
}
