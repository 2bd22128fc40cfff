using System.Buffers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tagging;

/// <summary>
/// Per-sentence feature extraction for the tagger: token hashes (word, exact form, affixes,
/// shape) are computed once, then each position combines them with the two previous tags.
/// </summary>
internal sealed class TaggerFeatures : IDisposable
{
    public const int MaxFeatures = 48;
    private const int Pad = 2;
    private static readonly ulong Start1 = FeatureHash.Of("-START-");
    private static readonly ulong Start2 = FeatureHash.Of("-START2-");
    private static readonly ulong End1 = FeatureHash.Of("-END-");
    private static readonly ulong End2 = FeatureHash.Of("-END2-");
    private static readonly ulong Unknown = FeatureHash.Of("-UNKNOWN-");

    // Per token, the hashes of: word (lower-cased), exact form, suffixes 1-4, prefixes 1-3, shape, ambiguity class.
    private const int Word = 0, Form = 1, Sfx1 = 2, Sfx2 = 3, Sfx3 = 4, Sfx4 = 5, Pfx1 = 6, Pfx2 = 7, Pfx3 = 8, ShapeHash = 9, Ambiguity = 10;
    private const int Stride = 11;

    private readonly int _n;
    // One row of Stride hashes per padded position, rented from the shared pool; returned by Dispose.
    private ulong[] _v;

    /// <param name="forms">The sentence.</param>
    /// <param name="ambiguity">Lower-cased word hash → hash of the set of tags seen with it in training.</param>
    public TaggerFeatures(IReadOnlyList<string> forms, IReadOnlyDictionary<ulong, ulong> ambiguity)
    {
        _n = forms.Count;
        int len = _n + (2 * Pad);
        _v = ArrayPool<ulong>.Shared.Rent(len * Stride);
        for (int f = 0; f < Stride; f++)
        {
            _v[f] = Start2;
            _v[Stride + f] = Start1;
            _v[((len - 2) * Stride) + f] = End1;
            _v[((len - 1) * Stride) + f] = End2;
        }

        Span<char> shape = stackalloc char[8];
        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < _n; i++)
        {
            var s = forms[i].AsSpan();
            var low = s.Length <= buffer.Length ? buffer[..s.Length] : new char[s.Length];
            FeatureHash.FoldLower(s, low);
            var row = _v.AsSpan((i + Pad) * Stride, Stride);
            row[Word] = FeatureHash.Raw(low);
            row[Form] = FeatureHash.Of(s, lower: false);
            row[Sfx1] = FeatureHash.Raw(low[Math.Max(0, low.Length - 1)..]);
            row[Sfx2] = FeatureHash.Raw(low[Math.Max(0, low.Length - 2)..]);
            row[Sfx3] = FeatureHash.Raw(low[Math.Max(0, low.Length - 3)..]);
            row[Sfx4] = FeatureHash.Raw(low[Math.Max(0, low.Length - 4)..]);
            row[Pfx1] = FeatureHash.Raw(low[..Math.Min(1, low.Length)]);
            row[Pfx2] = FeatureHash.Raw(low[..Math.Min(2, low.Length)]);
            row[Pfx3] = FeatureHash.Raw(low[..Math.Min(3, low.Length)]);
            row[ShapeHash] = FeatureHash.Of(Shape(s, shape), lower: false);
            row[Ambiguity] = ambiguity.TryGetValue(row[Word], out ulong a) ? a : Unknown;
        }
    }

    /// <summary>Returns the hash buffer to the pool; the features must not be used afterwards.</summary>
    public void Dispose()
    {
        var v = _v;
        _v = [];
        if (v.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(v);
        }
    }

    private ulong V(int field, int k) => _v[(k * Stride) + field];

    /// <summary>Exact-form hash of token <paramref name="i"/> (the tag dictionary key).</summary>
    public ulong FormHash(int i) => V(Form, i + Pad);

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
        ulong w = V(Word, k);
        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, w);
        f[n++] = FeatureHash.Feature(2, V(Form, k));
        f[n++] = FeatureHash.Feature(3, V(Sfx1, k));
        f[n++] = FeatureHash.Feature(4, V(Sfx2, k));
        f[n++] = FeatureHash.Feature(5, V(Sfx3, k));
        f[n++] = FeatureHash.Feature(6, V(Sfx4, k));
        f[n++] = FeatureHash.Feature(7, V(Pfx1, k));
        f[n++] = FeatureHash.Feature(8, V(Pfx2, k));
        f[n++] = FeatureHash.Feature(9, V(Pfx3, k));
        f[n++] = FeatureHash.Feature(10, V(ShapeHash, k));
        f[n++] = FeatureHash.Feature(11, V(Word, k - 1));
        f[n++] = FeatureHash.Feature(12, V(Word, k - 2));
        f[n++] = FeatureHash.Feature(13, V(Word, k + 1));
        f[n++] = FeatureHash.Feature(14, V(Word, k + 2));
        f[n++] = FeatureHash.Feature(15, V(Sfx3, k - 1));
        f[n++] = FeatureHash.Feature(16, V(Sfx3, k + 1));
        f[n++] = FeatureHash.Feature(17, V(ShapeHash, k - 1));
        f[n++] = FeatureHash.Feature(18, V(ShapeHash, k + 1));
        f[n++] = FeatureHash.Feature(19, t1);
        f[n++] = FeatureHash.Feature(20, t2);
        f[n++] = FeatureHash.Feature(21, t1, t2);
        f[n++] = FeatureHash.Feature(22, t1, w);
        f[n++] = FeatureHash.Feature(23, V(Word, k - 1), w);
        f[n++] = FeatureHash.Feature(24, w, V(Word, k + 1));
        f[n++] = FeatureHash.Feature(25, t1, V(Word, k + 1));
        f[n++] = FeatureHash.Feature(26, i == 0 ? 1UL : 0UL, V(ShapeHash, k));
        f[n++] = FeatureHash.Feature(27, t1, V(Sfx3, k));
        f[n++] = FeatureHash.Feature(28, V(Word, k - 1), V(Word, k + 1));
        f[n++] = FeatureHash.Feature(29, V(Sfx2, k + 1), V(Sfx2, k + 2));
        f[n++] = FeatureHash.Feature(30, V(Form, k + 1));
        f[n++] = FeatureHash.Feature(31, V(Form, k - 1));
        f[n++] = FeatureHash.Feature(32, V(Ambiguity, k));
        f[n++] = FeatureHash.Feature(33, V(Ambiguity, k + 1));
        f[n++] = FeatureHash.Feature(34, V(Ambiguity, k - 1));
        f[n++] = FeatureHash.Feature(35, V(Ambiguity, k), V(Ambiguity, k + 1));
        f[n++] = FeatureHash.Feature(36, t1, V(Ambiguity, k));
        f[n++] = FeatureHash.Feature(37, V(Ambiguity, k + 1), V(Ambiguity, k + 2));
        f[n++] = FeatureHash.Feature(38, V(Ambiguity, k), V(Sfx3, k));
        if (!firstPass.IsEmpty)
        {
            ulong n1 = i + 1 < _n ? TagHash(firstPass[i + 1]) : End1;
            ulong n2 = i + 2 < _n ? TagHash(firstPass[i + 2]) : End2;
            ulong self = TagHash(firstPass[i]);
            f[n++] = FeatureHash.Feature(39, n1);
            f[n++] = FeatureHash.Feature(40, n1, n2);
            f[n++] = FeatureHash.Feature(41, t1, n1);
            f[n++] = FeatureHash.Feature(42, w, n1);
            f[n++] = FeatureHash.Feature(43, V(Sfx3, k), n1);
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
