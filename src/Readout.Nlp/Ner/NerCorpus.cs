using System.Text.RegularExpressions;
using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>
/// Readers for the name-tagging corpora. GUM's entity annotation marks whole noun phrases; <see cref="ReadGum"/>
/// turns them into conventional name spans. CoNLL-style files (wikigold, re3d, UNER) are read as BIO/IOB1.
/// </summary>
public static partial class NerCorpus
{
    private static readonly HashSet<string> NameLinks = new(StringComparer.Ordinal) { "of", "&", "de", "du", "la", "von", "van", "der", "al", "bin", "da", "-" };

    /// <summary>A sentence's text in CoNLL-U and UNER's IOB2 files: tells where the tokens had spaces.</summary>
    internal const string TextComment = "# text = ";

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase) { "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "doctor", "prof", "prof.", "sir", "dame", "madam", "miss" };

    /// <summary>
    /// Start of a person's name in tokens <c>[a, b)</c> after the titles, honorifics and nationality words before it
    /// ("Afghan Ambassador Hamdullah Mohib" -> "Hamdullah Mohib"); the last token is always kept.
    /// </summary>
    internal static int SkipTitles(IReadOnlyList<string> forms, int a, int b, NerGazetteer gazetteer)
    {
        while (b - a > 1)
        {
            int title = Honorifics.Contains(forms[a]) || gazetteer.IsDemonym(forms[a]) || gazetteer.IsCountry(forms[a])
                ? 1
                : Enumerable.Range(1, Math.Min(3, b - a - 1)).Reverse().FirstOrDefault(len => gazetteer.IsTitle(forms, a, a + len));
            if (title == 0)
            {
                break;
            }

            a += title;
        }

        return a;
    }

    /// <summary>
    /// Reads GUM CoNLL-U files. For each person, organization or place entity whose head word is a proper
    /// noun, the name is the run of proper nouns (and capitalized words inside it) around the head, joined
    /// across "of", "&amp;", "de", hyphens … (persons: not "of"), and across a possessive that does not end
    /// another mention ("King 's College"); without determiners, attached clauses, or a person's titles and
    /// nationality words; nested names lose to the longest. Demonyms
    /// (from <paramref name="gazetteer"/>) outside names are Nationality.
    /// </summary>
    public static List<NerSentence> ReadGum(IEnumerable<string> paths, NerGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var result = new List<NerSentence>();
        foreach (var path in paths)
        {
            var rows = new List<string[]>();
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    if (rows.Count > 0)
                    {
                        result.Add(FromGum(rows, gazetteer, path));
                        rows.Clear();
                    }

                    continue;
                }

                if (line[0] == '#')
                {
                    continue;
                }

                var cols = line.Split('\t');
                if (cols.Length >= 10 && !cols[0].Contains('-', StringComparison.Ordinal) && !cols[0].Contains('.', StringComparison.Ordinal))
                {
                    rows.Add(cols);
                }
            }

            if (rows.Count > 0)
            {
                result.Add(FromGum(rows, gazetteer, path));
            }
        }

        return result;
    }

    private static NerSentence FromGum(List<string[]> rows, NerGazetteer gazetteer, string document)
    {
        int n = rows.Count;
        var forms = rows.Select(r => r[1]).ToArray();
        var upos = rows.Select(r => r[3]).ToArray();
        var xpos = rows.Select(r => r[4]).ToArray();
        var heads = rows.Select(r => int.TryParse(r[6], out int h) ? h - 1 : -1).ToArray();
        var open = new List<(string Id, string Type, int Start)>();
        var entities = new List<(int Start, int End, string Type)>();
        for (int i = 0; i < n; i++)
        {
            string? entity = rows[i][9].Split('|').FirstOrDefault(m => m.StartsWith("Entity=", StringComparison.Ordinal));
            if (entity is null)
            {
                continue;
            }

            foreach (Match m in EntityPart().Matches(entity[7..]))
            {
                if (m.Groups["sid"].Success)
                {
                    entities.Add((i, i + 1, m.Groups["stype"].Value));
                }
                else if (m.Groups["oid"].Success)
                {
                    open.Add((m.Groups["oid"].Value, m.Groups["otype"].Value, i));
                }
                else
                {
                    int k = open.FindLastIndex(o => o.Id == m.Groups["cid"].Value);
                    if (k >= 0)
                    {
                        entities.Add((open[k].Start, i + 1, open[k].Type));
                        open.RemoveAt(k);
                    }
                }
            }
        }

        // A token where some mention ends: a possessive after it belongs to that mention ("FTU 's Alice Mak"),
        // not to a name running across it ("King 's College").
        var mentionEnds = entities.Select(e => e.End - 1).ToHashSet();
        var candidates = new List<NerSpan>();
        foreach (var (start, end, type) in entities)
        {
            var kind = type switch
            {
                "person" => EntityKind.Person,
                "organization" => EntityKind.Organization,
                "place" => EntityKind.Place,
                _ => (EntityKind?)null,
            };
            int head = Enumerable.Range(start, end - start).FirstOrDefault(t => heads[t] < start || heads[t] >= end, -1);
            if (kind is null || head < 0 || upos[head] != "PROPN")
            {
                continue;
            }

            bool person = kind == EntityKind.Person;
            int a = head, b = head + 1;
            while (true)
            {
                if (a > start && IsNamePart(a - 1))
                {
                    a--;
                }
                else if (a - 1 > start && Joins(a - 1, person) && IsNamePart(a - 2))
                {
                    a -= 2;
                }
                else if (!person && a - 1 > start && forms[a - 1] == "'s" && upos[a - 2] == "PROPN" && !mentionEnds.Contains(a - 2))
                {
                    a -= 2;
                }
                else
                {
                    break;
                }
            }

            while (true)
            {
                if (b < end && IsNamePart(b))
                {
                    b++;
                }
                else if (b + 1 < end && Joins(b, person) && IsNamePart(b + 1))
                {
                    b += 2;
                }
                else
                {
                    break;
                }
            }

            // Titles, honorifics and nationality words before a person's name are not part of it
            // ("Afghan Ambassador Hamdullah Mohib" -> "Hamdullah Mohib").
            if (person)
            {
                a = SkipTitles(forms, a, b, gazetteer);
            }

            // "the Secretary", "Emperor": a title alone is a description, not a name.
            if (person && (Honorifics.Contains(forms[a]) || gazetteer.IsTitle(forms, a, b)))
            {
                continue;
            }

            if (b - a == 1 && gazetteer.IsDemonym(forms[a]))
            {
                kind = EntityKind.Nationality;
            }

            // GUM types a country acting as a government as an organization ("North Korea has the bomb"); names are
            // typed by what they name, as in the other corpora and the evaluation sets: a country is a place.
            else if (gazetteer.IsCountry(forms, a, b))
            {
                kind = EntityKind.Place;
            }

            // "Jews", "Muslims", "Nazis": GUM marks a group of people as a person; a group is not a person's name.
            else if (person && b - a == 1 && xpos[a] == "NNPS")
            {
                continue;
            }

            candidates.Add(new NerSpan(a, b, kind.Value));
        }

        for (int i = 0; i < n; i++)
        {
            if (gazetteer.IsDemonym(forms[i]) && upos[i] is "ADJ" or "PROPN" or "NOUN")
            {
                candidates.Add(new NerSpan(i, i + 1, EntityKind.Nationality));
            }
        }

        return new NerSentence(forms, Resolve(candidates), document) { SpaceAfter = [.. rows.Select(r => !r[9].Split('|').Contains("SpaceAfter=No"))] };

        // Proper nouns, and capitalized words the tagger calls otherwise inside a name ("Democratic Party",
        // "United States"), except a sentence's first word, capitalized anyway.
        bool IsNamePart(int i) => upos[i] == "PROPN" || (i > 0 && char.IsUpper(forms[i][0]) && upos[i] is "ADJ" or "NOUN" or "VERB" or "X");

        // "Bank of England", "Kwok - hung", "Ludwig van Beethoven"; persons do not join across "of" or "&".
        bool Joins(int i, bool person) => NameLinks.Contains(forms[i]) && !(person && forms[i] is "of" or "&");
    }

    /// <summary>Longest spans first, then leftmost; overlapping shorter ones are dropped.</summary>
    private static List<NerSpan> Resolve(List<NerSpan> candidates)
    {
        var taken = new List<NerSpan>();
        foreach (var c in candidates.Distinct().OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start).ThenBy(c => c.Kind))
        {
            if (!taken.Any(t => t.Start < c.End && c.Start < t.End))
            {
                taken.Add(c);
            }
        }

        taken.Sort((x, y) => x.Start.CompareTo(y.Start));
        return taken;
    }

    /// <summary>
    /// Reads a CoNLL-style file: one token per line, the form in the first column (or the second when the
    /// first is a number, as in UNER's IOB2 files) and the tag in the next; blank lines end sentences;
    /// <c>-DOCSTART-</c> and <c># newdoc</c> start a document; a <c># text</c> comment gives the spaces between the tokens; other <c>#</c> comments are skipped. Tags are IOB1 or BIO; <paramref name="mapType"/>
    /// maps a type ("PER", "Organisation") and the span's tokens to a kind, or null to leave the span out.
    /// </summary>
    public static List<NerSentence> ReadConll(string path, Func<string, IReadOnlyList<string>, EntityKind?> mapType)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(mapType);
        var result = new List<NerSentence>();
        var forms = new List<string>();
        var tags = new List<string>();
        string? text = null;
        int document = 0;
        foreach (var line in File.ReadLines(path).Append(string.Empty))
        {
            bool newDocument = line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal);
            if (line.Length == 0 || newDocument)
            {
                if (forms.Count > 0)
                {
                    result.Add(new NerSentence([.. forms], Spans(forms, tags, mapType), $"{path}#{document}") { SpaceAfter = text is null ? null : NerHyphens.SpaceAfter(text, forms) });
                    forms.Clear();
                    tags.Clear();
                }

                text = null;
                document += newDocument ? 1 : 0;
                continue;
            }

            if (line[0] == '#')
            {
                text = line.StartsWith(TextComment, StringComparison.Ordinal) ? line[TextComment.Length..] : text;
                continue;
            }

            var cols = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ' ');
            int f = cols.Length >= 3 && int.TryParse(cols[0], out _) ? 1 : 0;
            if (cols.Length < f + 2)
            {
                continue;
            }

            forms.Add(cols[f]);
            tags.Add(cols[f + 1]);
        }

        return result;
    }

    private static List<NerSpan> Spans(List<string> forms, List<string> tags, Func<string, IReadOnlyList<string>, EntityKind?> mapType)
    {
        var spans = new List<NerSpan>();
        int start = -1;
        string type = string.Empty;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            string t = tag.Length > 2 && tag[1] == '-' ? tag[2..] : string.Empty;
            bool begins = tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && (start < 0 || t != type));
            if (start >= 0 && (t.Length == 0 || begins))
            {
                var kind = mapType(type, forms.GetRange(start, i - start));
                if (kind is not null)
                {
                    spans.Add(new NerSpan(start, i, kind.Value));
                }

                start = -1;
            }

            if (t.Length > 0 && start < 0)
            {
                start = i;
                type = t;
            }
        }

        return spans;
    }

    [GeneratedRegex(@"\((?<sid>\d+)-(?<stype>[a-z]+)[^()]*\)|\((?<oid>\d+)-(?<otype>[a-z]+)[^()]*|(?<cid>\d+)\)")]
    private static partial Regex EntityPart();
}
