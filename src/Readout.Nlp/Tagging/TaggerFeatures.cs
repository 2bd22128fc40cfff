using Readout.Nlp.Training;

namespace Readout.Nlp.Tagging;

/// <summary>
/// Per-sentence feature extraction for the tagger: token hashes (word, exact form, affixes,
/// shape) are computed once, then each position combines them with the two previous tags.
/// </summary>
internal sealed class TaggerFeatures
{
    public const int MaxFeatures = 48;
    private const int Pad = 2;
    private static readonly ulong Start1 = FeatureHash.Of("-START-");
    private static readonly ulong Start2 = FeatureHash.Of("-START2-");
    private static readonly ulong End1 = FeatureHash.Of("-END-");
    private static readonly ulong End2 = FeatureHash.Of("-END2-");
    private static readonly ulong Unknown = FeatureHash.Of("-UNKNOWN-");

    private readonly int _n;
    private readonly ulong[] _word;
    private readonly ulong[] _form;
    private readonly ulong[] _sfx1;
    private readonly ulong[] _sfx2;
    private readonly ulong[] _sfx3;
    private readonly ulong[] _sfx4;
    private readonly ulong[] _pfx1;
    private readonly ulong[] _pfx2;
    private readonly ulong[] _pfx3;
    private readonly ulong[] _shape;
    private readonly ulong[] _ambiguity;

    /// <param name="forms">The sentence.</param>
    /// <param name="ambiguity">Lower-cased word hash → hash of the set of tags seen with it in training.</param>
    public TaggerFeatures(IReadOnlyList<string> forms, IReadOnlyDictionary<ulong, ulong> ambiguity)
    {
        _n = forms.Count;
        int len = _n + (2 * Pad);
        _word = new ulong[len];
        _form = new ulong[len];
        _sfx1 = new ulong[len];
        _sfx2 = new ulong[len];
        _sfx3 = new ulong[len];
        _sfx4 = new ulong[len];
        _pfx1 = new ulong[len];
        _pfx2 = new ulong[len];
        _pfx3 = new ulong[len];
        _shape = new ulong[len];
        _ambiguity = new ulong[len];
        ulong[][] all = [_word, _form, _sfx1, _sfx2, _sfx3, _sfx4, _pfx1, _pfx2, _pfx3, _shape, _ambiguity];
        foreach (var a in all)
        {
            a[0] = Start2;
            a[1] = Start1;
            a[len - 2] = End1;
            a[len - 1] = End2;
        }

        Span<char> shape = stackalloc char[8];
        for (int i = 0; i < _n; i++)
        {
            var s = forms[i].AsSpan();
            int k = i + Pad;
            _word[k] = FeatureHash.Of(s, lower: true);
            _form[k] = FeatureHash.Of(s, lower: false);
            _sfx1[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 1)..], lower: true);
            _sfx2[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 2)..], lower: true);
            _sfx3[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 3)..], lower: true);
            _sfx4[k] = FeatureHash.Of(s[Math.Max(0, s.Length - 4)..], lower: true);
            _pfx1[k] = FeatureHash.Of(s[..Math.Min(1, s.Length)], lower: true);
            _pfx2[k] = FeatureHash.Of(s[..Math.Min(2, s.Length)], lower: true);
            _pfx3[k] = FeatureHash.Of(s[..Math.Min(3, s.Length)], lower: true);
            _shape[k] = FeatureHash.Of(Shape(s, shape), lower: false);
            _ambiguity[k] = ambiguity.TryGetValue(_word[k], out ulong a) ? a : Unknown;
        }
    }

    /// <summary>Exact-form hash of token <paramref name="i"/> (the tag dictionary key).</summary>
    public ulong FormHash(int i) => _form[i + Pad];

    /// <summary>Hash standing for a previous tag; negative values are the sentence-start paddings.</summary>
    public static ulong TagHash(int tag) => tag switch
    {
        -1 => Start1,
        -2 => Start2,
        _ => (ulong)tag + 1,
    };

    /// <summary>
    /// Writes the features of position <paramref name="i"/> and returns their count. In the second
    /// pass, <paramref name="firstPass"/> holds the first pass's tags, used as right context.
    /// </summary>
    public int Extract(int i, int prev1, int prev2, Span<ulong> f, ReadOnlySpan<int> firstPass = default)
    {
        int k = i + Pad;
        ulong t1 = TagHash(prev1), t2 = TagHash(prev2);
        ulong w = _word[k];
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, w);
        f[n++] = FeatureHash.Feature(2, _form[k]);
        f[n++] = FeatureHash.Feature(3, _sfx1[k]);
        f[n++] = FeatureHash.Feature(4, _sfx2[k]);
        f[n++] = FeatureHash.Feature(5, _sfx3[k]);
        f[n++] = FeatureHash.Feature(6, _sfx4[k]);
        f[n++] = FeatureHash.Feature(7, _pfx1[k]);
        f[n++] = FeatureHash.Feature(8, _pfx2[k]);
        f[n++] = FeatureHash.Feature(9, _pfx3[k]);
        f[n++] = FeatureHash.Feature(10, _shape[k]);
        f[n++] = FeatureHash.Feature(11, _word[k - 1]);
        f[n++] = FeatureHash.Feature(12, _word[k - 2]);
        f[n++] = FeatureHash.Feature(13, _word[k + 1]);
        f[n++] = FeatureHash.Feature(14, _word[k + 2]);
        f[n++] = FeatureHash.Feature(15, _sfx3[k - 1]);
        f[n++] = FeatureHash.Feature(16, _sfx3[k + 1]);
        f[n++] = FeatureHash.Feature(17, _shape[k - 1]);
        f[n++] = FeatureHash.Feature(18, _shape[k + 1]);
        f[n++] = FeatureHash.Feature(19, t1);
        f[n++] = FeatureHash.Feature(20, t2);
        f[n++] = FeatureHash.Feature(21, t1, t2);
        f[n++] = FeatureHash.Feature(22, t1, w);
        f[n++] = FeatureHash.Feature(23, _word[k - 1], w);
        f[n++] = FeatureHash.Feature(24, w, _word[k + 1]);
        f[n++] = FeatureHash.Feature(25, t1, _word[k + 1]);
        f[n++] = FeatureHash.Feature(26, i == 0 ? 1UL : 0UL, _shape[k]);
        f[n++] = FeatureHash.Feature(27, t1, _sfx3[k]);
        f[n++] = FeatureHash.Feature(28, _word[k - 1], _word[k + 1]);
        f[n++] = FeatureHash.Feature(29, _sfx2[k + 1], _sfx2[k + 2]);
        f[n++] = FeatureHash.Feature(30, _form[k + 1]);
        f[n++] = FeatureHash.Feature(31, _form[k - 1]);
        f[n++] = FeatureHash.Feature(32, _ambiguity[k]);
        f[n++] = FeatureHash.Feature(33, _ambiguity[k + 1]);
        f[n++] = FeatureHash.Feature(34, _ambiguity[k - 1]);
        f[n++] = FeatureHash.Feature(35, _ambiguity[k], _ambiguity[k + 1]);
        f[n++] = FeatureHash.Feature(36, t1, _ambiguity[k]);
        f[n++] = FeatureHash.Feature(37, _ambiguity[k + 1], _ambiguity[k + 2]);
        f[n++] = FeatureHash.Feature(38, _ambiguity[k], _sfx3[k]);
        if (!firstPass.IsEmpty)
        {
            ulong n1 = i + 1 < _n ? TagHash(firstPass[i + 1]) : End1;
            ulong n2 = i + 2 < _n ? TagHash(firstPass[i + 2]) : End2;
            ulong self = TagHash(firstPass[i]);
            f[n++] = FeatureHash.Feature(39, n1);
            f[n++] = FeatureHash.Feature(40, n1, n2);
            f[n++] = FeatureHash.Feature(41, t1, n1);
            f[n++] = FeatureHash.Feature(42, w, n1);
            f[n++] = FeatureHash.Feature(43, _sfx3[k], n1);
            f[n++] = FeatureHash.Feature(44, self);
            f[n++] = FeatureHash.Feature(45, w, n1, n2);
        }

        return n;
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters kept; runs collapsed, at most 8.</summary>
    private static ReadOnlySpan<char> Shape(ReadOnlySpan<char> s, Span<char> buffer)
    {
        int n = 0;
        char last = '\0';
        foreach (char c0 in s)
        {
            char c = FeatureHash.Fold(c0);
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last)
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
