using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>
/// Per-sentence features of the name tagger: word, exact form, affixes, shape, part of speech and
/// gazetteer codes are hashed once per token; each position has features of its own (<see cref="ExtractStatic"/>)
/// and a few combined with the previous label (<see cref="ExtractHistory"/>), which Viterbi decoding scores for every previous label.
/// </summary>
internal sealed class NerFeatures
{
    public const int MaxFeatures = 44 + NerGazetteer.CategoryCount + 2 + 1 + (2 * NerDocumentContext.MaxOccurrences);
    private const int Pad = 2;
    private static readonly ulong Start1 = FeatureHash.Of("-START-");
    private static readonly ulong Start2 = FeatureHash.Of("-START2-");
    private static readonly ulong End1 = FeatureHash.Of("-END-");
    private static readonly ulong End2 = FeatureHash.Of("-END2-");

    private readonly int _n;
    private readonly ulong[] _word;
    private readonly ulong[] _form;
    private readonly ulong[] _sfx2;
    private readonly ulong[] _sfx3;
    private readonly ulong[] _sfx4;
    private readonly ulong[] _pfx2;
    private readonly ulong[] _pfx3;
    private readonly ulong[] _shape;
    private readonly ulong[] _shortShape;
    private readonly ulong[] _pos;
    private readonly ulong[] _gazetteer;
    private readonly ulong[] _wordClasses;
    private readonly byte[] _codes;
    private readonly sbyte[] _designator;
    private readonly ulong[][] _document;

    /// <summary>
    /// Features of sentence <paramref name="sentence"/> of a document whose other sentences are summed up in
    /// <paramref name="context"/> (<see cref="NerDocumentContext.Empty"/> for a lone sentence).
    /// </summary>
    public NerFeatures(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer, NerDocumentContext context, int sentence)
    {
        _n = forms.Count;
        int len = _n + (2 * Pad);
        _word = new ulong[len];
        _form = new ulong[len];
        _sfx2 = new ulong[len];
        _sfx3 = new ulong[len];
        _sfx4 = new ulong[len];
        _pfx2 = new ulong[len];
        _pfx3 = new ulong[len];
        _shape = new ulong[len];
        _shortShape = new ulong[len];
        _pos = new ulong[len];
        _gazetteer = new ulong[len];
        _wordClasses = new ulong[len];
        ulong[][] all = [_word, _form, _sfx2, _sfx3, _sfx4, _pfx2, _pfx3, _shape, _shortShape, _pos, _gazetteer, _wordClasses];
        foreach (var a in all)
        {
            a[0] = Start2;
            a[1] = Start1;
            a[len - 2] = End1;
            a[len - 1] = End2;
        }

        _codes = gazetteer.Match(forms);
        _document = new ulong[_n][];
        Span<ulong> document = stackalloc ulong[1 + (2 * NerDocumentContext.MaxOccurrences)];
        for (int i = 0; i < _n; i++)
        {
            _document[i] = document[..context.Features(forms[i], sentence, i, document)].ToArray();
        }

        _designator = Designators(forms);
        Span<char> shape = stackalloc char[12];
        for (int i = 0; i < _n; i++)
        {
            var s = forms[i].AsSpan();
            int k = i + Pad;
            _word[k] = FeatureHash.Of(s, lower: true);
            _wordClasses[k] = gazetteer.WordClasses(_word[k]);
            _form[k] = FeatureHash.Of(s, lower: false);
            _sfx2[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 2)..], lower: true);
            _sfx3[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 3)..], lower: true);
            _sfx4[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 4)..], lower: true);
            _pfx2[k] = FeatureHash.Of(s[..Math.Min(2, s.Length)], lower: true);
            _pfx3[k] = FeatureHash.Of(s[..Math.Min(3, s.Length)], lower: true);
            _shape[k] = FeatureHash.Of(Shape(s, shape, collapse: false), lower: false);
            _shortShape[k] = FeatureHash.Of(Shape(s, shape, collapse: true), lower: false);
            _pos[k] = (ulong)upos[i] + 1;
            ulong g = 0;
            for (int c = 0; c < NerGazetteer.CategoryCount; c++)
            {
                g = (g * 8) + _codes[(i * NerGazetteer.CategoryCount) + c];
            }

            _gazetteer[k] = g;
        }
    }

    public int Count => _n;

    public static ulong LabelHash(int label) => label switch
    {
        -1 => Start1,
        -2 => Start2,
        _ => (ulong)label + 1,
    };

    /// <summary>Number of features of a position that depend on the previous label.</summary>
    public const int HistoryCount = 5;

    /// <summary>Writes the features of position <paramref name="i"/> that depend on the previous label <paramref name="prev1"/> (−1 at the start).</summary>
    public void ExtractHistory(int i, int prev1, Span<ulong> f)
    {
        int k = i + Pad;
        History(prev1, _word[k], _shortShape[k], _pos[k], _gazetteer[k], f);
    }

    // Which of the history features depend on the word itself; the others take few values (the label alone, with
    // the part of speech, or with no gazetteer match), so a model can sum them in advance (NerModel.HistoryTables).
    public const int HistoryWord = 1;
    public const int HistoryShape = 2;
    public const int HistoryPos = 3;
    public const int HistoryGazetteer = 4;

    /// <summary>The part-of-speech code of position <paramref name="i"/> (1 + <see cref="Upos"/>), whether no gazetteer list matches there, and the hashes of its word and short shape.</summary>
    public (int Pos, bool NoGazetteer, ulong Word, ulong Shape) HistoryKeys(int i) => ((int)_pos[i + Pad], _gazetteer[i + Pad] == 0, _word[i + Pad], _shortShape[i + Pad]);

    /// <summary>The history features of a word with these hashes after label <paramref name="prev1"/>.</summary>
    public static void History(int prev1, ulong word, ulong shape, ulong pos, ulong gazetteer, Span<ulong> f)
    {
        ulong t1 = LabelHash(prev1);
        f[0] = FeatureHash.Feature(26, t1);
        f[HistoryWord] = FeatureHash.Feature(28, t1, word);
        f[HistoryShape] = FeatureHash.Feature(29, t1, shape);
        f[HistoryPos] = FeatureHash.Feature(30, t1, pos);
        f[HistoryGazetteer] = FeatureHash.Feature(36, gazetteer, t1);
    }

    /// <summary>Writes the features of position <paramref name="i"/> that do not depend on labels; returns their count.</summary>
    public int ExtractStatic(int i, Span<ulong> f)
    {
        int k = i + Pad;
        ulong w = _word[k];
        ulong sh = _shortShape[k];
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, w);
        f[n++] = FeatureHash.Feature(2, _form[k]);
        f[n++] = FeatureHash.Feature(3, _sfx2[k]);
        f[n++] = FeatureHash.Feature(4, _sfx3[k]);
        f[n++] = FeatureHash.Feature(5, _sfx4[k]);
        f[n++] = FeatureHash.Feature(6, _pfx2[k]);
        f[n++] = FeatureHash.Feature(7, _pfx3[k]);
        f[n++] = FeatureHash.Feature(8, _shape[k]);
        f[n++] = FeatureHash.Feature(9, sh);
        f[n++] = FeatureHash.Feature(10, _pos[k]);
        f[n++] = FeatureHash.Feature(11, _pos[k - 1]);
        f[n++] = FeatureHash.Feature(12, _pos[k + 1]);
        f[n++] = FeatureHash.Feature(13, _pos[k - 1], _pos[k]);
        f[n++] = FeatureHash.Feature(14, _pos[k], _pos[k + 1]);
        f[n++] = FeatureHash.Feature(15, _word[k - 1]);
        f[n++] = FeatureHash.Feature(16, _word[k - 2]);
        f[n++] = FeatureHash.Feature(17, _word[k + 1]);
        f[n++] = FeatureHash.Feature(18, _word[k + 2]);
        f[n++] = FeatureHash.Feature(19, _form[k - 1]);
        f[n++] = FeatureHash.Feature(20, _form[k + 1]);
        f[n++] = FeatureHash.Feature(21, _shortShape[k - 1]);
        f[n++] = FeatureHash.Feature(22, _shortShape[k + 1]);
        f[n++] = FeatureHash.Feature(23, _shortShape[k - 1], sh, _shortShape[k + 1]);
        f[n++] = FeatureHash.Feature(24, _word[k - 1], w);
        f[n++] = FeatureHash.Feature(25, w, _word[k + 1]);
        f[n++] = FeatureHash.Feature(31, i == 0 ? 1UL : 0UL, sh);
        f[n++] = FeatureHash.Feature(32, _gazetteer[k]);
        f[n++] = FeatureHash.Feature(33, _gazetteer[k - 1]);
        f[n++] = FeatureHash.Feature(34, _gazetteer[k + 1]);
        f[n++] = FeatureHash.Feature(35, _gazetteer[k], sh);
        f[n++] = FeatureHash.Feature(37, _sfx3[k - 1], sh);
        f[n++] = FeatureHash.Feature(38, _word[k - 1], sh);
        f[n++] = FeatureHash.Feature(39, sh, _word[k + 1]);

        // Word clusters (see NerGazetteer.WordClasses): the word's class at each granularity, the neighbours' middle one,
        // and the finest with the word's shape ("Mozilla" and "mozilla" share a class, not a shape). GUM dev / GUM dev news /
        // UNER EWT dev F1, seeds 1 and 2: without 71.4, 71.8 / 85.7, 86.2 / 70.4, 70.2; with the clusters 72.2, 72.0 /
        // 86.5, 83.9 / 71.3, 70.1; with the type priors below too 77.2, 73.3 / 85.7, 86.5 / 73.4, 73.0 (a priors file made
        // before two office holders joined the lists: 73.1, 72.8 / 88.3, 85.5 / 73.0, 73.6 — GUM dev swings by seeds
        // and small changes alike). The priors of the neighbours and the priors with the shape did no better (UNER
        // 72.8, 72.1; GUM 72.4, 71.6), nor a word's frequency rank (UNER 72.4, 72.3). Giving the 187,310 rarer words of
        // the vectors a cluster and a prior too (rare words are often names: "abouhalima") moved UNER from 72.6, 72.0 to
        // 73.6, 73.7 (seeds 1, 2; priors learned with regions and company names); with non-names from a dictionary too,
        // the committed tables give 77.1, 75.6 / 85.7, 84.2 / 73.8, 73.7.
        ulong cl = _wordClasses[k];
        f[n++] = FeatureHash.Feature(79, cl & 0xFFFF);
        f[n++] = FeatureHash.Feature(80, (cl >> 16) & 0xFFFF);
        f[n++] = FeatureHash.Feature(81, (cl >> 32) & 0xFFFF);
        f[n++] = FeatureHash.Feature(82, (_wordClasses[k - 1] >> 16) & 0xFFFF);
        f[n++] = FeatureHash.Feature(83, (_wordClasses[k + 1] >> 16) & 0xFFFF);
        f[n++] = FeatureHash.Feature(84, (cl >> 32) & 0xFFFF, sh);

        // Type priors: how much the word's vector looks like a person's, place's and organization's name. Conjoining
        // the gazetteer code and these priors with the sentence's case (all lower or all upper) did worse: UNER EWT dev
        // 73.9 and 74.0 against 74.9 and 74.8 (seeds 1, 2, tagged with NerModel.OutsideBias).
        f[n++] = FeatureHash.Feature(85, (cl >> 48) & 0xF);
        f[n++] = FeatureHash.Feature(86, (cl >> 52) & 0xF);
        f[n++] = FeatureHash.Feature(87, (cl >> 56) & 0xF);
        if (i < _n)
        {
            for (int c = 0; c < NerGazetteer.CategoryCount; c++)
            {
                byte code = _codes[(i * NerGazetteer.CategoryCount) + c];
                if (code != 0)
                {
                    f[n++] = FeatureHash.Feature(40 + c, code);
                }
            }

            // Person-name against place evidence on the same word ("Bryan" is a given name and a town), and a given
            // name just before ("Vladi Pimenov").
            f[n++] = FeatureHash.Feature(76, FeatureHash.Combine(Code(i, NerGazetteer.GivenName), Code(i, NerGazetteer.Surname)), Code(i, NerGazetteer.Place), Code(i, NerGazetteer.SmallPlace));
            f[n++] = FeatureHash.Feature(77, i > 0 ? Code(i - 1, NerGazetteer.GivenName) : 9UL, sh);

            if (_designator[i] >= 0)
            {
                f[n++] = FeatureHash.Feature(78, (ulong)_designator[i], sh);
            }

            foreach (ulong d in _document[i])
            {
                f[n++] = d;
            }
        }

        return n;
    }

    /// <summary>
    /// Words that end an organization's name ("Chase Bank", "Acme Inc", "Georgia Institute"): the gazetteer lists few
    /// companies and schools, but their names mostly end in one of these. Venues (restaurant, hotel, shop, hospital)
    /// are left out: the corpora disagree whether "Hayes Street Grill" names an organization or a place.
    /// </summary>
    private static readonly HashSet<string> OrganizationDesignators = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Companies", "Ltd", "Ltd.", "LLC", "LLP", "PLC",
        "GmbH", "AG", "Group", "Holdings", "Bank", "Bancorp", "University", "College", "Institute", "Academy",
        "Association", "Foundation", "Society", "Council", "Committee", "Commission", "Agency", "Authority", "Department",
        "Ministry", "Bureau", "Party", "Union", "Federation", "League", "Club", "Church", "Airlines",
        "Airways", "Motors", "Industries", "Enterprises", "Technologies", "Systems", "Solutions", "Services", "Partners",
        "Associates", "Communications", "Networks", "Entertainment", "Media", "Studios", "Records", "Publishing", "Press",
        "Times", "Journal", "News", "Magazine", "Insurance", "Energy", "Pharmaceuticals", "Labs", "Laboratories",
        "Brothers", "Bros", "Army", "Navy", "Police", "Corps",
    };

    private static readonly HashSet<string> NameLinks = new(StringComparer.Ordinal) { "of", "&", "and", "for", "the", "de" };

    /// <summary>
    /// Per token, how many tokens ahead (0 = itself, up to 3) a capitalized run of name words ends in an organization
    /// designator; −1 when it does not.
    /// </summary>
    internal static sbyte[] Designators(IReadOnlyList<string> forms)
    {
        var result = new sbyte[forms.Count];
        int next = -1;
        for (int i = forms.Count - 1; i >= 0; i--)
        {
            string form = forms[i];
            bool capitalized = form.Length > 0 && (char.IsUpper(form[0]) || char.IsDigit(form[0]));
            if (capitalized && OrganizationDesignators.Contains(form))
            {
                next = i;
            }
            else if (!capitalized && !NameLinks.Contains(form))
            {
                next = -1;
            }

            result[i] = next >= 0 && next - i <= 3 ? (sbyte)(next - i) : (sbyte)-1;
        }

        return result;
    }

    private ulong Code(int token, int category) => NerGazetteer.Code(_codes, token, category);

    /// <summary>Word shape: X upper, x lower, d digit, other characters kept; collapsed: runs merged.</summary>
    private static ReadOnlySpan<char> Shape(ReadOnlySpan<char> s, Span<char> buffer, bool collapse)
    {
        int n = 0;
        char last = '\0';
        foreach (char c0 in s)
        {
            char c = FeatureHash.Fold(c0);
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (collapse && k == last)
            {
                continue;
            }

            last = k;
            if (n == buffer.Length)
            {
                break;
            }

            buffer[n++] = k;
        }

        return buffer[..n];
    }
}
