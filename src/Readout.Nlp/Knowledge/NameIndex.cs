using System.Collections.Frozen;
using System.Text;

namespace Readout.Nlp.Knowledge;

/// <summary>
/// Maps names to entries. A name matches exactly first; otherwise ignoring case, but only names that contain a
/// lower-case letter take part in the case-insensitive match, so "US" and "U.S." never match "us" while "JAPAN"
/// matches "Japan". Curly apostrophes and runs of white space are normalized on both sides.
/// </summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly FrozenDictionary<string, T[]> _exact;
    private readonly FrozenDictionary<string, T[]> _folded;

    private NameIndex(FrozenDictionary<string, T[]> exact, FrozenDictionary<string, T[]> folded)
    {
        _exact = exact;
        _folded = folded;
    }

    public static NameIndex<T> Empty { get; } = Build([]);

    /// <summary>
    /// Builds the index. For each name the candidates keep entry order; <paramref name="order"/> (when given)
    /// sorts them, best first.
    /// </summary>
    public static NameIndex<T> Build(IEnumerable<(string Name, T Entry)> pairs, Comparison<T>? order = null)
    {
        var exact = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, entry) in pairs)
        {
            var key = Normalize(name);
            if (key.Length == 0)
            {
                continue;
            }

            AddTo(exact, key, entry);
            if (key.Any(char.IsLower))
            {
                AddTo(folded, key, entry);
            }
        }

        return new NameIndex<T>(Freeze(exact, order, StringComparer.Ordinal), Freeze(folded, order, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>All candidates for <paramref name="name"/>, best first; empty when none.</summary>
    public IReadOnlyList<T> Find(string name)
    {
        var key = Normalize(name);
        if (_exact.TryGetValue(key, out var hits) || _folded.TryGetValue(key, out hits))
        {
            return hits;
        }

        return [];
    }

    public static string Normalize(string name)
    {
        var trimmed = name.AsSpan().Trim();
        var needsWork = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '\u2019' or '\u2018' or '\u02BC' || (char.IsWhiteSpace(c) && (c != ' ' || (i > 0 && trimmed[i - 1] == ' '))))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return trimmed.Length == name.Length ? name : trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : c);
            }
        }

        return builder.ToString();
    }

    private static void AddTo(Dictionary<string, List<T>> map, string key, T entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }

    private static FrozenDictionary<string, T[]> Freeze(Dictionary<string, List<T>> map, Comparison<T>? order, StringComparer comparer)
    {
        return map.ToFrozenDictionary(
            pair => pair.Key,
            pair =>
            {
                var array = pair.Value.ToArray();
                if (order is not null)
                {
                    // Array.Sort is unstable; a stable sort keeps file order among equals.
                    array = [.. array.Select((entry, index) => (entry, index))
                        .OrderBy(x => x.entry, Comparer<T>.Create(order))
                        .ThenBy(x => x.index)
                        .Select(x => x.entry)];
                }

                return array;
            },
            comparer);
    }
}
