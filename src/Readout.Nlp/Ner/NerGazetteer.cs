using System.Buffers;
using Readout.Nlp.Knowledge;

namespace Readout.Nlp.Ner;

/// <summary>
/// Name lists for the recognizer's gazetteer features, built from the knowledge base: countries and
/// capitals, places and geographic features, demonyms, organizations and institutions, office holders,
/// and titles. Names match case-sensitively on whole tokens (titles lower-cased). Also each known word's classes
/// from its GloVe vector (<see cref="WordClasses"/>). Immutable; thread-safe.
/// </summary>
public sealed class NerGazetteer
{
    /// <summary>Gazetteer categories; a token gets a BILU code for each category that matches around it.</summary>
    internal const int CategoryCount = 13;
    internal const int Country = 0;
    internal const int Place = 1;
    internal const int Demonym = 2;
    internal const int Organization = 3;
    internal const int Person = 4;
    internal const int Title = 5;

    // The same lists matched whatever the case ("france", "SAN FRANCISCO"): web text writes names in lower or
    // upper case, and the case-exact categories above then stay silent.
    internal const int FoldedCountry = 6;
    internal const int FoldedPlace = 7;
    internal const int FoldedOrganization = 8;
    internal const int FoldedPerson = 9;

    // Single given names and surnames ("Nina", "Vladi", "Reynolds"): web text names people by first name alone.
    internal const int GivenName = 10;
    internal const int Surname = 11;

    // Towns under 100,000 people: many share a name with people ("Bryan", "Vernon", "Arafat"), so the tagger gets
    // them apart from the cities and regions it can trust.
    internal const int SmallPlace = 12;
    private const long SmallPlacePopulation = 100_000;

    /// <summary>Where <see cref="Default(string)"/> reads the given names and surnames, relative to the repository root.</summary>
    public const string NamesRelativePath = "data/ner/names.tsv";

    /// <summary>Where <see cref="Default(string)"/> reads the word clusters, relative to the repository root.</summary>
    public const string ClustersRelativePath = "data/ner/clusters.tsv";

    /// <summary>Where <see cref="Default(string)"/> reads the words' type priors, relative to the repository root.</summary>
    public const string WordTypesRelativePath = "data/ner/word-types.tsv";

    /// <summary>Categories whose phrases are stored and matched lower-cased.</summary>
    private static bool Folded(int category) => category is >= Title and <= FoldedPerson;

    /// <summary>Code of one category at a token in a <see cref="Match"/> result.</summary>
    internal static byte Code(byte[] codes, int token, int category) => codes[(token * CategoryCount) + category];
    private const int MaxWords = 6;

    private readonly Dictionary<string, int>[] _phrases;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;

    // Every phrase's first word, lower-cased, with one bit mask of categories per phrase length (index: words − 1):
    // the categories holding a phrase of that length that starts with that word. Only those are looked up.
    private readonly Dictionary<string, ushort[]> _firstWords = new(StringComparer.Ordinal);

    // Two bits per first word (of its hash) in a bit set small enough to stay in cache: a word with either bit clear
    // starts no phrase, and most tokens are told so without a lookup in the dictionary above, whose tables are megabytes.
    private const int FilterBits = 21;
    private readonly ulong[] _firstWordFilter = new ulong[(1 << FilterBits) / 64];

    // Lower-cased word hash (FeatureHash.Of(word, lower: true)) -> its word classes (see WordClasses).
    private readonly Dictionary<ulong, ulong> _wordClasses;

    private NerGazetteer(Dictionary<string, int>[] phrases, Dictionary<ulong, ulong>? wordClasses = null)
    {
        _phrases = phrases;
        _wordClasses = wordClasses ?? [];
        _lookups = [.. phrases.Select(p => p.GetAlternateLookup<ReadOnlySpan<char>>())];
        for (int c = 0; c < phrases.Length; c++)
        {
            foreach (var (phrase, words) in phrases[c])
            {
                int space = phrase.IndexOf(' ', StringComparison.Ordinal);
                string first = (space < 0 ? phrase : phrase[..space]).ToLowerInvariant();
                if (!_firstWords.TryGetValue(first, out var masks) || masks.Length < words)
                {
                    var wider = new ushort[words];
                    masks?.CopyTo(wider, 0);
                    _firstWords[first] = masks = wider;
                }

                masks[words - 1] |= (ushort)(1 << c);
            }
        }

        foreach (var first in _firstWords.Keys)
        {
            var (a, b) = FilterBitsOf(first);
            _firstWordFilter[a >> 6] |= 1UL << a;
            _firstWordFilter[b >> 6] |= 1UL << b;
        }
    }

    /// <summary>The two bits of <see cref="_firstWordFilter"/> that stand for a lower-cased first word.</summary>
    private static (int A, int B) FilterBitsOf(ReadOnlySpan<char> word)
    {
        ulong h = Training.FeatureHash.Raw(word);
        const int mask = (1 << FilterBits) - 1;
        return ((int)h & mask, (int)(h >> 32) & mask);
    }

    /// <summary>False when no phrase starts with <paramref name="word"/> (lower-cased); true when one may.</summary>
    private bool MayStart(ReadOnlySpan<char> word)
    {
        var (a, b) = FilterBitsOf(word);
        return ((_firstWordFilter[a >> 6] >> a) & (_firstWordFilter[b >> 6] >> b) & 1) != 0;
    }

    public static NerGazetteer Empty { get; } = new(Enumerable.Range(0, CategoryCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray());

    /// <summary>Number of phrases over all categories.</summary>
    public int Count => _phrases.Sum(p => p.Count);

    /// <summary>The gazetteer of the repository's knowledge base, <see cref="NamesRelativePath"/>, <see cref="ClustersRelativePath"/> and <see cref="WordTypesRelativePath"/>.</summary>
    public static NerGazetteer Default(string repoRoot)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        return Default(repoRoot, KnowledgeBase.Default(repoRoot));
    }

    /// <summary>The gazetteer of <paramref name="knowledgeBase"/> (one already loaded, with any user entries) and the repository's name and word-class files.</summary>
    public static NerGazetteer Default(string repoRoot, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(repoRoot);
        return FromKnowledgeBase(
            knowledgeBase,
            ReadNames(Path.Combine(repoRoot, NamesRelativePath)),
            ReadWordClasses(Path.Combine(repoRoot, ClustersRelativePath), Path.Combine(repoRoot, WordTypesRelativePath)));
    }

    /// <summary>Number of cluster granularities in a clusters file (its columns after the word), coarsest first.</summary>
    internal const int ClusterLevels = 3;

    /// <summary>Number of type priors in a word-types file: person, place, organization, each in tenths (0 to 10).</summary>
    internal const int WordTypeCount = 3;

    /// <summary>
    /// Reads a table of words: comment lines starting <c># </c>, a header line, then a word and
    /// <paramref name="columns"/> numbers (each below 65,535), tab-separated, a line.
    /// </summary>
    /// <exception cref="InvalidDataException">A line has the wrong number of cells or a cell that is not a number.</exception>
    public static IReadOnlyDictionary<string, int[]> ReadWordTable(string path, int columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        var table = new Dictionary<string, int[]>(StringComparer.Ordinal);
        ReadWordRows(path, columns, (word, values) => table[word.ToString()] = values.ToArray());
        return table;
    }

    /// <summary>
    /// The word classes (<see cref="WordClasses"/>) of a clusters file and a word-types file, read straight into
    /// their packed form: the tables hold 337,310 words each and are read at every start, so no string, array or
    /// dictionary per word is kept on the way.
    /// </summary>
    internal static Dictionary<ulong, ulong> ReadWordClasses(string clustersPath, string wordTypesPath)
    {
        var packed = new Dictionary<ulong, ulong>();
        ReadWordRows(clustersPath, ClusterLevels, (word, ids) => packed[Training.FeatureHash.Of(word, lower: true)] = ClusterCode(ids));
        ReadWordRows(wordTypesPath, WordTypeCount, (word, priors) =>
        {
            ulong hash = Training.FeatureHash.Of(word, lower: true);
            packed[hash] = packed.GetValueOrDefault(hash) | PriorCode(priors);
        });
        return packed;
    }

    private static ulong ClusterCode(ReadOnlySpan<int> ids)
    {
        ulong code = 0;
        for (int l = 0; l < ClusterLevels; l++)
        {
            code |= (ulong)(uint)(ids[l] + 1) << (16 * l);
        }

        return code;
    }

    private static ulong PriorCode(ReadOnlySpan<int> priors)
    {
        ulong code = 0;
        for (int t = 0; t < WordTypeCount; t++)
        {
            code |= (ulong)(uint)(Math.Min(priors[t], 14) + 1) << (48 + (4 * t));
        }

        return code;
    }

    private delegate void WordRow(ReadOnlySpan<char> word, ReadOnlySpan<int> values);

    /// <summary>Calls <paramref name="row"/> with each word of a table of words (<see cref="ReadWordTable"/>) and its numbers.</summary>
    private static void ReadWordRows(string path, int columns, WordRow row)
    {
        Span<int> values = stackalloc int[columns];
        int number = 0;
        bool header = false;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            // "#" and "word" are words of the file too: a comment starts "# ", and the header is the first other line.
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || !header)
            {
                header |= line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal);
                continue;
            }

            // Read as spans: the tables run to 337,310 lines and are loaded at every start.
            var rest = line.AsSpan();
            int tab = rest.IndexOf('\t');
            bool valid = tab > 0;
            for (int l = 0; l < columns && valid; l++)
            {
                rest = rest[(tab + 1)..];
                tab = l == columns - 1 ? rest.Length : rest.IndexOf('\t');
                valid = tab >= 0 && int.TryParse(rest[..tab], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out values[l]) && values[l] < ushort.MaxValue;
            }

            if (!valid)
            {
                throw new InvalidDataException($"{path}:{number}: expected a word and {columns} numbers, tab-separated.");
            }

            row(line.AsSpan(0, line.IndexOf('\t', StringComparison.Ordinal)), values);
        }
    }

    /// <summary>
    /// The word classes of the word with lower-cased hash <paramref name="wordHash"/>: its <see cref="ClusterLevels"/>
    /// cluster ids in bits 0 to 47, 16 bits each (coarsest in the low bits), and its <see cref="WordTypeCount"/> type
    /// priors in bits 48 to 59, 4 bits each; every value is one more than in the files, so 0 is a word a file does not know.
    /// </summary>
    internal ulong WordClasses(ulong wordHash) => _wordClasses.GetValueOrDefault(wordHash);

    /// <summary>
    /// Reads a names file: <c>#</c> comments, a header line, then a name, a tab and its kind (<c>given</c> or
    /// <c>surname</c>) a line.
    /// </summary>
    /// <exception cref="InvalidDataException">A line has no tab or an unknown kind.</exception>
    public static IReadOnlyList<(string Name, bool Given)> ReadNames(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var names = new List<(string, bool)>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || line == "name\tkind")
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0 || cells[1] is not ("given" or "surname"))
            {
                throw new InvalidDataException($"{path}:{number}: expected 'name<TAB>given|surname'.");
            }

            names.Add((cells[0], cells[1] == "given"));
        }

        return names;
    }

    /// <summary>
    /// The gazetteer of <paramref name="knowledgeBase"/> and <paramref name="personNames"/>, with the packed word classes
    /// of <see cref="ReadWordClasses"/> (none: every word unknown).
    /// </summary>
    public static NerGazetteer FromKnowledgeBase(KnowledgeBase knowledgeBase, IEnumerable<(string Name, bool Given)>? personNames = null, Dictionary<ulong, ulong>? wordClasses = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var phrases = Enumerable.Range(0, CategoryCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        foreach (var c in knowledgeBase.Countries)
        {
            foreach (var n in c.Aliases.Prepend(c.Name))
            {
                Add(phrases[Country], n);
            }

            foreach (var n in c.Capitals)
            {
                Add(phrases[Place], n);
            }

            foreach (var n in c.Demonyms)
            {
                Add(phrases[Demonym], n);
            }
        }

        foreach (var p in knowledgeBase.Places)
        {
            // Population 0: a region, island or sea, not a town.
            var dict = phrases[p.Population is > 0 and < SmallPlacePopulation ? SmallPlace : Place];
            Add(dict, p.Name);
            Add(dict, p.AsciiName);
            foreach (var n in p.Aliases)
            {
                Add(dict, n);
            }

            // The first-level division a town lies in ("Queensland", "Kerala", "Mississippi") is a place too.
            if (p.Admin1.Length > 0)
            {
                Add(phrases[Place], p.Admin1);
            }
        }

        foreach (var name in phrases[Place].Keys)
        {
            phrases[SmallPlace].Remove(name);
        }

        foreach (var o in knowledgeBase.Organizations)
        {
            foreach (var n in o.Aliases.Prepend(o.Name))
            {
                Add(phrases[Organization], n);
            }
        }

        foreach (var o in knowledgeBase.Institutions)
        {
            foreach (var n in o.Aliases.Prepend(o.Name))
            {
                Add(phrases[Organization], n);
            }
        }

        foreach (var h in knowledgeBase.OfficeHolders)
        {
            foreach (var n in h.Aliases.Prepend(h.Name))
            {
                Add(phrases[Person], n);
            }
        }

        foreach (var t in knowledgeBase.Titles)
        {
            Add(phrases[Title], t.Phrase.ToLowerInvariant());
        }

        foreach (var (name, given) in personNames ?? [])
        {
            Add(phrases[given ? GivenName : Surname], name);
        }

        foreach (var (exact, folded) in new[] { (Country, FoldedCountry), (Place, FoldedPlace), (Organization, FoldedOrganization), (Person, FoldedPerson) })
        {
            foreach (var (phrase, words) in phrases[exact])
            {
                phrases[folded][phrase.ToLowerInvariant()] = words;
            }
        }

        return new NerGazetteer(phrases, wordClasses);
    }

    /// <summary>True when the lower-cased token sequence is a title ("president", "prime minister").</summary>
    public bool IsTitle(IReadOnlyList<string> forms, int start, int end) =>
        end > start && _phrases[Title].ContainsKey(Join(forms, start, end, lower: true));

    /// <summary>True when the token is a country's name or alias ("Japan", "US").</summary>
    public bool IsCountry(string form) => _phrases[Country].ContainsKey(form);

    /// <summary>True when the tokens <c>[start, end)</c> are a country's name or alias ("United States").</summary>
    public bool IsCountry(IReadOnlyList<string> forms, int start, int end) =>
        end > start && _phrases[Country].ContainsKey(Join(forms, start, end, lower: false));

    /// <summary>True when the token is a demonym ("Russian", "Japanese").</summary>
    public bool IsDemonym(string form) => _phrases[Demonym].ContainsKey(form);

    /// <summary>
    /// For each token and category, 0 (no match) or 1 + BILU position of the longest match
    /// covering it (leftmost-longest matching per category). Result index: token · categories + category.
    /// </summary>
    internal byte[] Match(IReadOnlyList<string> forms)
    {
        int n = forms.Count;
        var codes = new byte[n * CategoryCount];
        if (n == 0)
        {
            return codes;
        }

        // longest[i * CategoryCount + c]: words of the longest phrase of category c starting at token i (0: none).
        // Built with one lookup of each token's first word, then only the lengths and categories of the phrases starting
        // with that word, each candidate written into one buffer and looked up as a span: this runs in the pipeline for
        // every token, and a string per candidate, category and length cost more than the tagging itself.
        Span<byte> longest = n * CategoryCount <= 4096 ? stackalloc byte[n * CategoryCount] : new byte[n * CategoryCount];
        longest.Clear();
        int widest = 0;
        for (int i = 0; i < n; i++)
        {
            widest = Math.Max(widest, forms[i].Length);
        }

        char[] exact = ArrayPool<char>.Shared.Rent((widest + 1) * MaxWords);
        char[] folded = ArrayPool<char>.Shared.Rent((widest + 1) * MaxWords);
        try
        {
            var starts = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int i = 0; i < n; i++)
            {
                var first = forms[i].AsSpan();
                int foldedFirst = first.ToLowerInvariant(folded);
                if (!MayStart(folded.AsSpan(0, foldedFirst)) || !starts.TryGetValue(folded.AsSpan(0, foldedFirst), out var masks))
                {
                    continue;
                }

                int exactAt = 0, foldedAt = 0;
                for (int len = 1; len <= Math.Min(masks.Length, n - i); len++)
                {
                    var form = forms[i + len - 1].AsSpan();
                    if (len > 1)
                    {
                        exact[exactAt++] = ' ';
                        folded[foldedAt++] = ' ';
                    }

                    form.CopyTo(exact.AsSpan(exactAt));
                    form.ToLowerInvariant(folded.AsSpan(foldedAt));
                    exactAt += form.Length;
                    foldedAt += form.Length;
                    for (int mask = masks[len - 1]; mask != 0; mask &= mask - 1)
                    {
                        int c = System.Numerics.BitOperations.TrailingZeroCount(mask);
                        var key = Folded(c) ? folded.AsSpan(0, foldedAt) : exact.AsSpan(0, exactAt);
                        if (_lookups[c].TryGetValue(key, out int words) && words == len)
                        {
                            longest[(i * CategoryCount) + c] = (byte)len;
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(exact);
            ArrayPool<char>.Shared.Return(folded);
        }

        // Leftmost-longest per category: a match consumes its tokens.
        for (int c = 0; c < CategoryCount; c++)
        {
            int i = 0;
            while (i < n)
            {
                int best = longest[(i * CategoryCount) + c];
                if (best == 0)
                {
                    i++;
                    continue;
                }

                for (int j = i; j < i + best; j++)
                {
                    int position = best == 1 ? NerLabels.Unit : j == i ? NerLabels.Begin : j == i + best - 1 ? NerLabels.Last : NerLabels.Inside;
                    codes[(j * CategoryCount) + c] = (byte)(1 + position);
                }

                i += best;
            }
        }

        return codes;
    }

    private static string Join(IReadOnlyList<string> forms, int start, int end, bool lower)
    {
        string s = end - start == 1 ? forms[start] : string.Join(' ', Enumerable.Range(start, end - start).Select(i => forms[i]));
        return lower ? s.ToLowerInvariant() : s;
    }

    private static void Add(Dictionary<string, int> dict, string name)
    {
        // Tokens as the tokenizer splits them: on spaces, with a possessive or final period kept on the word.
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords)
        {
            return;
        }

        dict[string.Join(' ', words)] = words.Length;
    }
}
