using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>
/// One name, one reading per document: after every sentence is tagged, a name written the same way in several places
/// takes the kind most of its mentions got, and a capitalized occurrence the tagger left out ("Firefox" tagged in
/// one sentence, missed in the next) becomes a name of that kind too. Reads only the predicted spans and the words.
/// </summary>
internal static class NerDocumentConsistency
{
    private const int MaxWords = 6;

    /// <summary>Rewrites <paramref name="spans"/> (one sorted, non-overlapping list per sentence) in place.</summary>
    public static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<List<NerSpan>> spans)
    {
        RemoveStorms(sentences, spans);
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int s = 0; s < sentences.Count; s++)
        {
            foreach (var span in spans[s])
            {
                string key = Key(sentences[s], span.Start, span.End);
                if (!votes.TryGetValue(key, out var counts))
                {
                    counts = new int[NerLabels.Kinds.Length];
                    votes[key] = counts;
                }

                counts[NerLabels.IndexOf(span.Kind)]++;
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        // Candidate names are looked up as spans of one buffer, not built as strings: most capitalized words are tried at
        // every length up to MaxWords.
        var lookup = votes.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[256];
        Span<int> ends = stackalloc int[MaxWords + 1];
        for (int s = 0; s < sentences.Count; s++)
        {
            var forms = sentences[s];
            var list = spans[s];
            for (int k = 0; k < list.Count; k++)
            {
                var kind = Majority(votes[Key(forms, list[k].Start, list[k].End)], list[k].Kind);
                list[k] = list[k] with { Kind = kind };
            }

            var added = new List<NerSpan>();
            int next = 0;
            for (int i = 0; i < forms.Count; i++)
            {
                while (next < list.Count && list[next].End <= i)
                {
                    next++;
                }

                if (!NerHyphens.IsCapitalized(forms[i]) || (next < list.Count && list[next].Start <= i))
                {
                    continue;
                }

                // The longest name of the document starting here that ends before the next tagged span.
                int limit = Math.Min(forms.Count, next < list.Count ? list[next].Start : forms.Count);
                int longest = Math.Min(limit, i + MaxWords);
                Join(forms, i, longest, ref buffer, ends);
                for (int end = longest; end > i; end--)
                {
                    if (lookup.TryGetValue(buffer.AsSpan(0, ends[end - i]), out var counts) && (end == limit || !Continues(forms[end])))
                    {
                        added.Add(new NerSpan(i, end, Majority(counts, null)));
                        i = end - 1;
                        break;
                    }
                }
            }

            if (added.Count > 0)
            {
                list.AddRange(added);
                list.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }
    }

    /// <summary>Words that name a storm by the name that follows ("Hurricane Katrina", "Typhoon Haiyan", "Tropical Storm Allison").</summary>
    private static readonly HashSet<string> StormWords = new(StringComparer.OrdinalIgnoreCase) { "Hurricane", "Typhoon", "Cyclone" };

    /// <summary>Whether the storm word at <paramref name="i"/> is inside a longer name ("the National Hurricane Center").</summary>
    private static bool InLongerName(IReadOnlyList<string> forms, int i)
    {
        int start = forms[i].Equals("Storm", StringComparison.OrdinalIgnoreCase) ? i - 1 : i;
        return start > 0 && NerHyphens.IsCapitalized(forms[start - 1]);
    }

    private static bool IsStormWord(IReadOnlyList<string> forms, int i) =>
        StormWords.Contains(forms[i]) || (i > 0 && forms[i].Equals("Storm", StringComparison.OrdinalIgnoreCase) && forms[i - 1].Equals("Tropical", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Storms are named like people, but a storm is an event, not an actor: "Hurricane Rita" and, once it has been
    /// named so, "Rita made landfall at dawn" must not give a person who acts in an event. The training corpora
    /// mark storms as events (GUM's "Cyclone Phailin"), but the tagger knows "Rita" as a given name. Removes every
    /// span that starts with a storm word or right after one, and every other span of the document written as such a
    /// storm's name: the name a storm word's span holds, or the capitalized word after a storm word where the tagger
    /// found no name (it may pass over "Hurricane Rita" and still take a later "Rita" for a person).
    /// </summary>
    private static void RemoveStorms(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<List<NerSpan>> spans)
    {
        HashSet<string>? storms = null;
        for (int s = 0; s < sentences.Count; s++)
        {
            var forms = sentences[s];
            for (int i = 0; i + 1 < forms.Count; i++)
            {
                if (IsStormWord(forms, i) && NerHyphens.IsCapitalized(forms[i + 1]) && !InLongerName(forms, i))
                {
                    (storms ??= new HashSet<string>(StringComparer.Ordinal)).Add(Key(forms, i + 1, i + 2));
                }
            }

            foreach (var span in spans[s])
            {
                int start = span.Start;
                if (IsStormWord(forms, start))
                {
                    start++;
                }
                else if (start == 0 || !IsStormWord(forms, start - 1))
                {
                    continue;
                }

                if (start < span.End)
                {
                    (storms ??= new HashSet<string>(StringComparer.Ordinal)).Add(Key(forms, start, span.End));
                }
            }
        }

        if (storms is null)
        {
            return;
        }

        for (int s = 0; s < sentences.Count; s++)
        {
            var forms = sentences[s];
            spans[s].RemoveAll(span => IsStormWord(forms, span.Start) || (span.Start > 0 && IsStormWord(forms, span.Start - 1))
                || storms.Contains(Key(forms, span.Start, span.End)));
        }
    }

    /// <summary>The kind with most votes; on a tie, <paramref name="own"/> when it is among the best, else the first.</summary>
    private static EntityKind Majority(int[] counts, EntityKind? own)
    {
        int best = counts.Max();
        if (own is { } kind && counts[NerLabels.IndexOf(kind)] == best)
        {
            return kind;
        }

        return NerLabels.Kinds[Array.IndexOf(counts, best)];
    }

    /// <summary>True when a capitalized word follows: the name found would be part of a longer one ("Bank" in "Bank Leumi").</summary>
    private static bool Continues(string form) => NerHyphens.IsCapitalized(form);

    /// <summary>
    /// Writes the words <c>[start, end)</c> joined by spaces into <paramref name="buffer"/> (grown as needed), as <see cref="Key"/>
    /// would; <c>ends[k]</c> is the length of the first k words' key.
    /// </summary>
    private static void Join(IReadOnlyList<string> forms, int start, int end, ref char[] buffer, Span<int> ends)
    {
        int needed = end - start;
        for (int j = start; j < end; j++)
        {
            needed += forms[j].Length;
        }

        if (buffer.Length < needed)
        {
            buffer = new char[Math.Max(needed, 2 * buffer.Length)];
        }

        int at = 0;
        for (int j = start; j < end; j++)
        {
            if (j > start)
            {
                buffer[at++] = ' ';
            }

            forms[j].CopyTo(buffer.AsSpan(at));
            at += forms[j].Length;
            ends[j - start + 1] = at;
        }
    }

    private static string Key(IReadOnlyList<string> forms, int start, int end) =>
        end - start == 1 ? forms[start] : string.Join(' ', Enumerable.Range(start, end - start).Select(i => forms[i]));
}
