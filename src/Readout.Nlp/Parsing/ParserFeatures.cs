using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Parsing;

/// <summary>
/// Feature templates of the parser (after Zhang and Nivre 2011, adapted to arc-hybrid): words
/// and tags of the stack and buffer tops, their left- and rightmost children and labels,
/// distance and valency. Token hashes are computed once per sentence, into arrays reused by the
/// next sentence (one instance per thread).
/// </summary>
internal sealed class ParserFeatures
{
    public const int MaxFeatures = 88;

    /// <summary>Features written by <see cref="Extract"/>: one per template, at the template's number.</summary>
    public const int TemplateCount = 85;

    /// <summary>
    /// The templates that read only the first three words of the buffer (and the constant bias, 0): the same until a word is
    /// shifted, so the parser sums them once per shift. Keep in step with <see cref="Extract"/>.
    /// </summary>
    public static ReadOnlySpan<int> BufferOnly => [0, 7, 8, 9, 10, 11, 12, 13, 23, 31, 80, 81];

    /// <summary>Every other template of <see cref="Extract"/>.</summary>
    public static readonly int[] NotBufferOnly = [.. Enumerable.Range(0, TemplateCount).Where(t => !BufferOnly.Contains(t))];
    private static readonly ulong None = FeatureHash.Of("-NONE-");
    private static readonly ulong RootWord = FeatureHash.Of("-ROOT-");

    private ulong[] _word = [];
    private ulong[] _tag = [];
    private ulong[] _upos = [];

    /// <summary>Features of one sentence: words 1..n are <c>forms[0..n-1]</c>.</summary>
    public static ParserFeatures Of(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, IReadOnlyList<string> xpos)
    {
        var features = new ParserFeatures();
        features.Reset(forms.Count);
        for (int i = 0; i < forms.Count; i++)
        {
            features.SetWord(i, forms[i], upos[i], xpos[i]);
        }

        return features;
    }

    /// <summary>Number of words of the current sentence.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a sentence of <paramref name="n"/> words; each is then given by <see cref="SetWord"/>.</summary>
    public void Reset(int n)
    {
        Count = n;
        if (_word.Length < n + 1)
        {
            int size = Math.Max(n + 1, 2 * _word.Length);
            _word = new ulong[size];
            _tag = new ulong[size];
            _upos = new ulong[size];
        }

        _word[0] = RootWord;
        _tag[0] = RootWord;
        _upos[0] = RootWord;
    }

    /// <summary>Sets word <paramref name="i"/> (0-based; the parser's word <c>i + 1</c>).</summary>
    public void SetWord(int i, ReadOnlySpan<char> form, Upos upos, string xpos)
    {
        _word[i + 1] = FeatureHash.Of(form, lower: true);
        _tag[i + 1] = FeatureHash.Of(xpos);
        _upos[i + 1] = (ulong)upos + 7;
    }

    public int Extract(ParserState st, Span<ulong> f)
    {
        int s0 = st.Stack(0), s1 = st.Stack(1), s2 = st.Stack(2);
        int b0 = st.BufferAt(0), b1 = st.BufferAt(1), b2 = st.BufferAt(2);
        ulong s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
        ulong b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2t = T(b2);
        int s0l = Child(st.LeftChild1, s0), s0l2 = Child(st.LeftChild2, s0);
        int s0r = Child(st.RightChild1, s0), s0r2 = Child(st.RightChild2, s0);
        int s1l = Child(st.LeftChild1, s1), s1r = Child(st.RightChild1, s1);
        int b0l = Child(st.LeftChild1, b0), b0l2 = Child(st.LeftChild2, b0);
        ulong s0lt = T(s0l), s0rt = T(s0r), b0lt = T(b0l), s1lt = T(s1l), s1rt = T(s1r);
        ulong s0ll = L(st, s0l), s0rl = L(st, s0r), b0ll = L(st, b0l), s1ll = L(st, s1l), s1rl = L(st, s1r);
        ulong dist = s0 >= 0 && b0 >= 0 ? (ulong)Math.Min(b0 - s0, 6) : 99;
        ulong dist10 = s1 >= 0 && s0 >= 0 ? (ulong)Math.Min(s0 - s1, 6) : 99;
        ulong s0vl = s0 >= 0 ? (ulong)st.LeftCount[s0] : 99, s0vr = s0 >= 0 ? (ulong)st.RightCount[s0] : 99;
        ulong b0vl = b0 >= 0 ? (ulong)st.LeftCount[b0] : 99, s1vr = s1 >= 0 ? (ulong)st.RightCount[s1] : 99;
        ulong s0u = U(s0), b0u = U(b0), s1u = U(s1);

        int n = 0;
        f[n++] = FeatureHash.Feature(0, 0);

        // single words
        f[n++] = FeatureHash.Feature(1, s0w);
        f[n++] = FeatureHash.Feature(2, s0t);
        f[n++] = FeatureHash.Feature(3, s0w, s0t);
        f[n++] = FeatureHash.Feature(4, s1w);
        f[n++] = FeatureHash.Feature(5, s1t);
        f[n++] = FeatureHash.Feature(6, s1w, s1t);
        f[n++] = FeatureHash.Feature(7, b0w);
        f[n++] = FeatureHash.Feature(8, b0t);
        f[n++] = FeatureHash.Feature(9, b0w, b0t);
        f[n++] = FeatureHash.Feature(10, b1w);
        f[n++] = FeatureHash.Feature(11, b1t);
        f[n++] = FeatureHash.Feature(12, b1w, b1t);
        f[n++] = FeatureHash.Feature(13, b2t);
        f[n++] = FeatureHash.Feature(14, s2t);
        f[n++] = FeatureHash.Feature(15, s0u, b0u, s1u);

        // pairs
        f[n++] = FeatureHash.Feature(16, s0w, s0t, FeatureHash.Combine(b0w, b0t));
        f[n++] = FeatureHash.Feature(17, s0w, s0t, b0w);
        f[n++] = FeatureHash.Feature(18, s0w, b0w, b0t);
        f[n++] = FeatureHash.Feature(19, s0w, s0t, b0t);
        f[n++] = FeatureHash.Feature(20, s0t, b0w, b0t);
        f[n++] = FeatureHash.Feature(21, s0w, b0w);
        f[n++] = FeatureHash.Feature(22, s0t, b0t);
        f[n++] = FeatureHash.Feature(23, b0t, b1t);
        f[n++] = FeatureHash.Feature(24, s1w, s1t, FeatureHash.Combine(s0w, s0t));
        f[n++] = FeatureHash.Feature(25, s1t, s0t);
        f[n++] = FeatureHash.Feature(26, s1w, s0w);
        f[n++] = FeatureHash.Feature(27, s1t, s0w);
        f[n++] = FeatureHash.Feature(28, s1w, s0t);
        f[n++] = FeatureHash.Feature(29, s1t, b0t);
        f[n++] = FeatureHash.Feature(30, s1w, b0w);

        // triples of tags
        f[n++] = FeatureHash.Feature(31, b0t, b1t, b2t);
        f[n++] = FeatureHash.Feature(32, s0t, b0t, b1t);
        f[n++] = FeatureHash.Feature(33, s1t, s0t, b0t);
        f[n++] = FeatureHash.Feature(34, s2t, s1t, s0t);
        f[n++] = FeatureHash.Feature(35, s0t, s0lt, b0t);
        f[n++] = FeatureHash.Feature(36, s0t, s0rt, b0t);
        f[n++] = FeatureHash.Feature(37, s0t, b0t, b0lt);
        f[n++] = FeatureHash.Feature(38, s1t, s1rt, s0t);
        f[n++] = FeatureHash.Feature(39, s1t, s1lt, s0t);
        f[n++] = FeatureHash.Feature(40, s1t, s0t, s0rt);
        f[n++] = FeatureHash.Feature(41, s1t, s0t, s0lt);

        // distance
        f[n++] = FeatureHash.Feature(42, s0w, dist);
        f[n++] = FeatureHash.Feature(43, s0t, dist);
        f[n++] = FeatureHash.Feature(44, b0w, dist);
        f[n++] = FeatureHash.Feature(45, b0t, dist);
        f[n++] = FeatureHash.Feature(46, s0w, b0w, dist);
        f[n++] = FeatureHash.Feature(47, s0t, b0t, dist);
        f[n++] = FeatureHash.Feature(48, s1t, s0t, dist10);
        f[n++] = FeatureHash.Feature(49, s1w, s0w, dist10);

        // valency
        f[n++] = FeatureHash.Feature(50, s0w, s0vr);
        f[n++] = FeatureHash.Feature(51, s0t, s0vr);
        f[n++] = FeatureHash.Feature(52, s0w, s0vl);
        f[n++] = FeatureHash.Feature(53, s0t, s0vl);
        f[n++] = FeatureHash.Feature(54, b0w, b0vl);
        f[n++] = FeatureHash.Feature(55, b0t, b0vl);
        f[n++] = FeatureHash.Feature(56, s1t, s1vr);

        // children: words, tags, labels
        f[n++] = FeatureHash.Feature(57, W(s0l));
        f[n++] = FeatureHash.Feature(58, s0lt);
        f[n++] = FeatureHash.Feature(59, s0ll);
        f[n++] = FeatureHash.Feature(60, W(s0r));
        f[n++] = FeatureHash.Feature(61, s0rt);
        f[n++] = FeatureHash.Feature(62, s0rl);
        f[n++] = FeatureHash.Feature(63, W(b0l));
        f[n++] = FeatureHash.Feature(64, b0lt);
        f[n++] = FeatureHash.Feature(65, b0ll);
        f[n++] = FeatureHash.Feature(66, s1lt, s1ll);
        f[n++] = FeatureHash.Feature(67, s1rt, s1rl);

        // second children
        f[n++] = FeatureHash.Feature(68, T(s0l2), L(st, s0l2));
        f[n++] = FeatureHash.Feature(69, T(s0r2), L(st, s0r2));
        f[n++] = FeatureHash.Feature(70, T(b0l2), L(st, b0l2));
        f[n++] = FeatureHash.Feature(71, s0t, s0lt, T(s0l2));
        f[n++] = FeatureHash.Feature(72, s0t, s0rt, T(s0r2));
        f[n++] = FeatureHash.Feature(73, b0t, b0lt, T(b0l2));

        // label combinations
        f[n++] = FeatureHash.Feature(74, s0t, s0ll, s0rl);
        f[n++] = FeatureHash.Feature(75, b0t, b0ll, s0t);
        f[n++] = FeatureHash.Feature(76, s0w, s0rl, b0t);
        f[n++] = FeatureHash.Feature(77, s0w, s0ll, b0w);

        // the leftmost child's word (often the preposition) with the candidate heads: obl vs nmod vs obj
        f[n++] = FeatureHash.Feature(78, W(s0l), s0t, s1t);
        f[n++] = FeatureHash.Feature(79, W(s0l), s0t, b0t);
        f[n++] = FeatureHash.Feature(80, b0w, b1w);
        f[n++] = FeatureHash.Feature(81, b0t, b1w);
        f[n++] = FeatureHash.Feature(82, s0t, s0rl, L(st, s0r2));
        f[n++] = FeatureHash.Feature(83, b0t, b0ll, L(st, b0l2));
        f[n++] = FeatureHash.Feature(84, s1w, s1t, FeatureHash.Combine(s0t, dist10));
        return n;
    }

    private ulong W(int i) => i < 0 ? None : _word[i];

    private ulong T(int i) => i < 0 ? None : _tag[i];

    private ulong U(int i) => i < 0 ? None : _upos[i];

    private static int Child(ReadOnlySpan<int> children, int head) => head < 0 ? -1 : children[head];

    private static ulong L(ParserState st, int i) => i < 0 ? None : (ulong)st.Labels[i] + 3;
}
