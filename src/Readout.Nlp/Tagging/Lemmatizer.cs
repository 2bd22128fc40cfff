using System.Collections.Frozen;
using Readout.Core.Layers;
using Readout.Nlp.Conllu;

namespace Readout.Nlp.Tagging;

/// <summary>
/// Lemmatizer learned from a treebank: suffix edit rules per Penn tag ("ies"+NNS → strip 3, add
/// "y") for unseen words, and an exception list (lower-cased form + tag → lemma) for seen words
/// the rules get wrong ("met"+VBD → "meet"). Lemmas are lower case except for proper nouns,
/// which keep their case. Immutable and thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 6;
    private readonly Dictionary<(string Form, string Xpos), string> _exceptions;
    private readonly Dictionary<(string Xpos, string Suffix), (int Strip, string Append)> _rules;

    // The same tables indexed by tag, then looked up by character span: no substring per lookup.
    private readonly FrozenDictionary<string, TagTables> _byTag;

    private Lemmatizer(Dictionary<(string, string), string> exceptions, Dictionary<(string, string), (int, string)> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
        var forms = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var suffixes = new Dictionary<string, Dictionary<string, (int, string)>>(StringComparer.Ordinal);
        foreach (var ((form, xpos), lemma) in exceptions)
        {
            Table(forms, xpos)[form] = lemma;
        }

        foreach (var ((xpos, suffix), rule) in rules)
        {
            Table(suffixes, xpos)[suffix] = rule;
        }

        _byTag = forms.Keys.Union(suffixes.Keys).ToFrozenDictionary(
            xpos => xpos,
            xpos => new TagTables(
                (forms.GetValueOrDefault(xpos) ?? []).ToFrozenDictionary(StringComparer.Ordinal),
                (suffixes.GetValueOrDefault(xpos) ?? []).ToFrozenDictionary(StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, T> Table<T>(Dictionary<string, Dictionary<string, T>> tables, string xpos)
    {
        if (!tables.TryGetValue(xpos, out var table))
        {
            table = new Dictionary<string, T>(StringComparer.Ordinal);
            tables[xpos] = table;
        }

        return table;
    }

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _rules.Count;

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/> (Penn) and <paramref name="upos"/>.</summary>
    public string Lemmatize(string form, string xpos, Upos upos)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(xpos);
        return Lemmatize(form, xpos, upos, TablesFor(xpos));
    }

    /// <summary>The exception and rule tables of <paramref name="xpos"/> (null when it has none), for callers that lemmatize many words of few tags.</summary>
    internal TagTables? TablesFor(string xpos) => _byTag.GetValueOrDefault(xpos);

    /// <summary>As <see cref="Lemmatize(string, string, Upos)"/>, with the tables of <paramref name="xpos"/> already found.</summary>
    internal string Lemmatize(string form, string xpos, Upos upos, TagTables? tables)
    {
        // Lower-cased into a buffer (same mapping as string.ToLowerInvariant); a string is made only when returned.
        Span<char> buffer = form.Length <= 64 ? stackalloc char[64] : new char[form.Length];
        var lower = buffer[..form.AsSpan().ToLowerInvariant(buffer)];
        bool properTag = IsProperTag(xpos);
        if (tables is not null && tables.Exceptions.TryGetValue(properTag ? form.AsSpan() : lower, out var lemma))
        {
            return lemma;
        }

        bool proper = upos == Upos.PROPN || properTag;
        if (proper && xpos == "NNP")
        {
            return form;
        }

        var (strip, append) = tables is null ? (0, string.Empty) : FindRule(tables, lower);
        var baseForm = proper ? form.AsSpan() : lower;
        if (strip > baseForm.Length || (strip == 0 && append.Length == 0))
        {
            return baseForm.SequenceEqual(form) ? form : baseForm.ToString();
        }

        return string.Concat(baseForm[..^strip], append);
    }

    /// <summary>Learns rules and exceptions from annotated sentences.</summary>
    public static Lemmatizer Learn(IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var lemmaCounts = new Dictionary<(string Form, string Xpos), Dictionary<string, int>>();
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                if (w.Lemma == "_" || w.Xpos == "_")
                {
                    continue;
                }

                // Proper nouns keep their case, so their exceptions are keyed by the exact form.
                var key = (IsProperTag(w.Xpos) ? w.Form : w.Form.ToLowerInvariant(), w.Xpos);
                if (!lemmaCounts.TryGetValue(key, out var counts))
                {
                    counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    lemmaCounts[key] = counts;
                }

                counts[w.Lemma] = counts.GetValueOrDefault(w.Lemma) + 1;
            }
        }

        // Most frequent lemma per (form, tag), ties broken by ordinal order for reproducibility.
        var best = new Dictionary<(string Form, string Xpos), string>();
        foreach (var (key, counts) in lemmaCounts)
        {
            best[key] = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        }

        // Suffix rules, counted over types.
        var ruleCounts = new Dictionary<(string Xpos, string Suffix), Dictionary<(int, string), int>>();
        foreach (var ((form, xpos), lemma) in best)
        {
            var edit = Edit(form.ToLowerInvariant(), lemma.ToLowerInvariant());
            for (int k = 0; k <= Math.Min(MaxSuffix, form.Length); k++)
            {
                var key = (xpos, form[^k..].ToLowerInvariant());
                if (!ruleCounts.TryGetValue(key, out var counts))
                {
                    counts = [];
                    ruleCounts[key] = counts;
                }

                counts[edit] = counts.GetValueOrDefault(edit) + 1;
            }
        }

        var rules = new Dictionary<(string, string), (int, string)>();
        foreach (var (key, counts) in ruleCounts)
        {
            int total = counts.Values.Sum();
            if (key.Suffix.Length > 0 && total < 2)
            {
                continue;
            }

            var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).First();
            rules[key] = top.Key;
        }

        var lemmatizer = new Lemmatizer([], rules);
        var exceptions = new Dictionary<(string, string), string>();
        foreach (var ((form, xpos), lemma) in best)
        {
            var upos = IsProperTag(xpos) ? Upos.PROPN : Upos.X;
            // The rule result is computed on the lower-cased form; an exception is needed when it differs.
            string predicted = lemmatizer.Lemmatize(form, xpos, upos);
            if (!string.Equals(predicted, lemma, StringComparison.Ordinal))
            {
                exceptions[(form, xpos)] = lemma;
            }
        }

        return new Lemmatizer(exceptions, rules);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_exceptions.Count);
        foreach (var ((form, xpos), lemma) in _exceptions.OrderBy(kv => kv.Key.Form, StringComparer.Ordinal).ThenBy(kv => kv.Key.Xpos, StringComparer.Ordinal))
        {
            writer.Write(form);
            writer.Write(xpos);
            writer.Write(lemma);
        }

        writer.Write(_rules.Count);
        foreach (var ((xpos, suffix), (strip, append)) in _rules.OrderBy(kv => kv.Key.Xpos, StringComparer.Ordinal).ThenBy(kv => kv.Key.Suffix, StringComparer.Ordinal))
        {
            writer.Write(xpos);
            writer.Write(suffix);
            writer.Write((byte)strip);
            writer.Write(append);
        }
    }

    internal static Lemmatizer Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        var exceptions = new Dictionary<(string, string), string>(n);
        for (int i = 0; i < n; i++)
        {
            string form = reader.ReadString(), xpos = reader.ReadString();
            exceptions[(form, xpos)] = reader.ReadString();
        }

        int r = reader.ReadInt32();
        var rules = new Dictionary<(string, string), (int, string)>(r);
        for (int i = 0; i < r; i++)
        {
            string xpos = reader.ReadString(), suffix = reader.ReadString();
            int strip = reader.ReadByte();
            rules[(xpos, suffix)] = (strip, reader.ReadString());
        }

        return new Lemmatizer(exceptions, rules);
    }

    private static bool IsProperTag(string xpos) => xpos is "NNP" or "NNPS";

    private static (int Strip, string Append) FindRule(TagTables tables, ReadOnlySpan<char> lower)
    {
        for (int k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (tables.Rules.TryGetValue(lower[^k..], out var rule))
            {
                return rule;
            }
        }

        return (0, string.Empty);
    }

    private static (int Strip, string Append) Edit(string form, string lemma)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p])
        {
            p++;
        }

        return (form.Length - p, lemma[p..]);
    }

    internal sealed class TagTables(FrozenDictionary<string, string> exceptions, FrozenDictionary<string, (int Strip, string Append)> rules)
    {
        public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Exceptions { get; } = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();

        public FrozenDictionary<string, (int Strip, string Append)>.AlternateLookup<ReadOnlySpan<char>> Rules { get; } = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
