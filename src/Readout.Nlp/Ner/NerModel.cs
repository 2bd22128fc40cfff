using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>
/// A trained name tagger: an averaged perceptron over BILOU labels for Person, Organization, Place and
/// Nationality, decoded by Viterbi over valid label transitions.
/// Immutable once loaded: one instance is shared read-only by every thread.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "READOUT-NER";
    // 7: Viterbi decoding, structured training, no label-trigram feature, organization-designator feature; 6: weights may be multiples of a quantum (SparseWeights format 4); 5: small places, person-name against place
    // features; 4: case-folded gazetteer categories; 3: document-context features, weights in SparseWeights format 3 (columns)
    private const int Version = 7;

    private readonly SparseWeights _weights;

    /// <summary>
    /// Viterbi skips a previous label whose path scores this much below the best one at that token. Scoring every
    /// previous label made half the recognizer's time; at 200 the committed model's output was the same on every dev
    /// set (`eval ner`), at 100 it lost half a point (measured 2026-12-07).
    /// </summary>
    internal const float Beam = 200;

    /// <summary>
    /// Added to every token's score of being no name when tagging: the averaged model, partly trained on its own
    /// labels of web text, finds names too readily. UNER EWT dev / GUM dev / GUM dev news F1 of the committed recipe's
    /// models (seeds 1, 2, 3) at 0: 74.7, 74.4, 73.6 / 74.9, 76.0, 75.0 / 86.5, 86.5, 87.3; at 3: 74.9, 74.8, 74.0 /
    /// 75.2, 76.7, 75.0; at 5: 75.1, 74.6, 74.0 / 76.5, 76.8, 75.1; at 8: 74.9, 74.8, 74.4 / 75.8, 77.0, 75.2 / 86.2,
    /// 88.9, 88.1; at 12: 74.8, 74.6, 74.2 / 76.3, 76.2, 75.6; at 30 (seed 1) UNER 73.6. The best mean of both dev sets
    /// is at 8 (where seed 1, the committed model, scores UNER 75.1 once storms are told by their names alone:
    /// <see cref="NerDocumentConsistency"/>). Self-labelling tags without it (<see cref="NerTraining.SelfLabel"/>):
    /// with it, seeds 1 and 2 scored UNER 74.7 and 74.4 at 8, against 74.9 and 74.8.
    /// </summary>
    internal const float OutsideBias = 8;

    // The sums of the history features that do not depend on the word (the previous label alone, with the part of
    // speech, and with no gazetteer match), per [no gazetteer match][part-of-speech code], each a matrix of
    // (previous label + 1) · label count + label: Viterbi scores every previous label at every token, and these made
    // most of its lookups. Null when the weights are not integer levels.
    private readonly int[][][]? _fixedHistory;

    /// <summary>Cells of a history matrix: one row of label sums per previous label, the sentence start first.</summary>
    private static int MatrixLength => (NerLabels.Count + 1) * NerLabels.Count;

    internal NerModel(SparseWeights weights)
    {
        if (weights.ClassCount != NerLabels.Count)
        {
            throw new InvalidDataException($"NER weights have {weights.ClassCount} classes; expected {NerLabels.Count}.");
        }

        _weights = weights;
        _fixedHistory = FixedHistory(weights);
        _wordHistory = new HistorySums(weights, NerFeatures.HistoryWord, MaxCachedWords);
        _shapeHistory = new HistorySums(weights, NerFeatures.HistoryShape, MaxCachedShapes);
    }

    private static int[][][]? FixedHistory(SparseWeights weights)
    {
        var tables = new int[2][][];
        Span<ulong> f = stackalloc ulong[NerFeatures.HistoryCount];
        Span<ulong> fixedFeatures = stackalloc ulong[3];
        int posCodes = Enum.GetValues<Upos>().Length + 1;
        for (int noGazetteer = 0; noGazetteer < 2; noGazetteer++)
        {
            tables[noGazetteer] = new int[posCodes][];
            for (int pos = 0; pos < posCodes; pos++)
            {
                tables[noGazetteer][pos] = new int[MatrixLength];
                for (int previous = -1; previous < NerLabels.Count; previous++)
                {
                    NerFeatures.History(previous, 0, 0, (ulong)pos, 0, f);
                    fixedFeatures[0] = f[0];
                    fixedFeatures[1] = f[NerFeatures.HistoryPos];
                    fixedFeatures[2] = f[NerFeatures.HistoryGazetteer];
                    if (weights.Sums(fixedFeatures[..(2 + noGazetteer)]) is not { } sums)
                    {
                        return null;
                    }

                    sums.CopyTo(tables[noGazetteer][pos], (previous + 1) * NerLabels.Count);
                }
            }
        }

        return tables;
    }

    /// <summary>
    /// What the history score of one token reads for every previous label, looked up once per token rather than once per
    /// previous label (Viterbi asks for the labels of a token one after another). One per document being tagged.
    /// </summary>
    private sealed class HistoryRows(NerModel model, bool fixedSums = true)
    {
        public readonly NerModel Model = model;
        public readonly bool FixedSums = fixedSums;
        public int Token = -1;
        public bool NoGazetteer;
        public int[] Fixed = [];
        public int[]? Word;
        public int[]? Shape;
    }

    /// <summary>The history score of position <paramref name="i"/> after label <paramref name="previous"/>: the same sums as
    /// scoring all <see cref="NerFeatures.ExtractHistory"/> features, with the word-independent ones from <see cref="_fixedHistory"/>.</summary>
    private void ScoreHistory(HistoryRows rows, NerFeatures features, int i, int previous, Span<ulong> f, Span<float> scores)
    {
        int L = NerLabels.Count;
        if (rows.Token != i)
        {
            var (pos, noGazetteer, word, shape) = features.HistoryKeys(i);
            rows.Token = i;
            rows.NoGazetteer = noGazetteer;
            rows.Fixed = _fixedHistory![noGazetteer ? 1 : 0][pos];
            rows.Word = _wordHistory.Get(word);
            rows.Shape = _shapeHistory.Get(shape);
        }

        // Only the rows of the previous labels the beam keeps are read: a token's whole matrices are 19 cache lines each.
        int at = (previous + 1) * L;
        Span<int> plus = stackalloc int[L];
        rows.Fixed.AsSpan(at, L).CopyTo(plus);
        if (rows.Word is { } wordSums)
        {
            Add(plus, wordSums.AsSpan(at, L));
        }

        if (rows.Shape is { } shapeSums)
        {
            Add(plus, shapeSums.AsSpan(at, L));
        }

        if (rows.Word is not null && rows.Shape is not null && rows.NoGazetteer)
        {
            // Nothing left to look up: the sums scaled, as scoring no feature with them would.
            float scale = _weights.Scale;
            for (int c = 0; c < plus.Length; c++)
            {
                scores[c] += plus[c] * scale;
            }

            return;
        }

        // What is not in a cache is looked up: the features left are moved to the front of f[HistoryWord..] (each
        // moves down or stays, so none is overwritten before it is read).
        features.ExtractHistory(i, previous, f);
        int count = 0;
        if (rows.Word is null)
        {
            f[NerFeatures.HistoryWord + count++] = f[NerFeatures.HistoryWord];
        }

        if (rows.Shape is null)
        {
            f[NerFeatures.HistoryWord + count++] = f[NerFeatures.HistoryShape];
        }

        if (!rows.NoGazetteer)
        {
            f[NerFeatures.HistoryWord + count++] = f[NerFeatures.HistoryGazetteer];
        }

        _weights.Score(f.Slice(NerFeatures.HistoryWord, count), plus, scores);

        static void Add(Span<int> to, ReadOnlySpan<int> sums)
        {
            for (int c = 0; c < to.Length; c++)
            {
                to[c] += sums[c];
            }
        }
    }

    /// <summary>Words whose word-with-previous-label sums are kept (beyond, they are looked up each time): at most about 17 MB when every one has weights.</summary>
    internal const int MaxCachedWords = 10_000;

    /// <summary>Short shapes ("Xx", "d.d") whose shape-with-previous-label sums are kept.</summary>
    internal const int MaxCachedShapes = 4096;

    // Viterbi scores every previous label at every token, and the history features of the word and of its shape
    // made most of its lookups: their sums per previous label are kept, per word and per shape. Text has few shapes;
    // most words have no word-with-label weight at all and share one row of zeros.
    private readonly HistorySums _wordHistory;
    private readonly HistorySums _shapeHistory;

    /// <summary>Words and shapes whose sums are kept (for tests).</summary>
    internal (int Words, int Shapes) Cached => (_wordHistory.Count, _shapeHistory.Count);

    /// <summary>
    /// The sums of one history feature (<see cref="NerFeatures.HistoryWord"/> or <see cref="NerFeatures.HistoryShape"/>) for every
    /// previous label (index previous + 1), per key, for up to <c>capacity</c> keys; null for a key beyond them. Thread-safe.
    /// </summary>
    private sealed class HistorySums(SparseWeights weights, int slot, int capacity)
    {
        private static readonly int[] Zeros = new int[MatrixLength];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, int[]> _sums = new();

        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int[]? Get(ulong key)
        {
            if (_sums.TryGetValue(key, out var sums))
            {
                return sums;
            }

            // Counted apart: ConcurrentDictionary.Count takes every lock, and once the cache is full every word beyond it asks.
            if (Volatile.Read(ref _count) >= capacity)
            {
                return null;
            }

            sums = new int[MatrixLength];
            Span<ulong> f = stackalloc ulong[NerFeatures.HistoryCount];
            for (int previous = -1; previous < NerLabels.Count; previous++)
            {
                NerFeatures.History(previous, slot == NerFeatures.HistoryWord ? key : 0, slot == NerFeatures.HistoryShape ? key : 0, 0, 0, f);
                weights.Sums(f.Slice(slot, 1))!.CopyTo(sums, (previous + 1) * NerLabels.Count);
            }

            var kept = sums.AsSpan().ContainsAnyExcept(0) ? sums : Zeros;
            if (_sums.TryAdd(key, kept))
            {
                Interlocked.Increment(ref _count);
                return kept;
            }

            return _sums[key];
        }
    }

    /// <summary>Number of stored non-zero weights.</summary>
    public int WeightCount => _weights.NonZero;

    /// <summary>Name spans of one sentence; <paramref name="upos"/> holds its predicted parts of speech. Thread-safe.</summary>
    public IReadOnlyList<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer) =>
        Tag(forms, upos, gazetteer, NerDocumentContext.Empty, 0);

    /// <summary>
    /// Name spans of every sentence of a document (<paramref name="upos"/>: each sentence's predicted parts of speech):
    /// each sentence is tagged with the others as context, then a name takes one kind through the document and is
    /// found wherever it is written again (<see cref="NerDocumentConsistency"/>). Hyphenated words are read whole
    /// (<see cref="NerHyphens"/>; <paramref name="spaceAfter"/>: whether a space follows each token, per sentence,
    /// null where unknown); the spans are over the tokens given. Thread-safe.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NerSpan>> TagDocument(
        IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<Upos>> upos, NerGazetteer gazetteer, IReadOnlyList<IReadOnlyList<bool>?>? spaceAfter = null) =>
        TagDocument(sentences, upos, gazetteer, spaceAfter, null, OutsideBias);

    /// <summary>
    /// As <see cref="TagDocument(IReadOnlyList{IReadOnlyList{string}}, IReadOnlyList{IReadOnlyList{Upos}}, NerGazetteer, IReadOnlyList{IReadOnlyList{bool}?}?)"/>;
    /// <paramref name="outside"/> (per sentence, per token; null: none) and <paramref name="outsideBias"/> are added to
    /// the score of each token being no name.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<NerSpan>> TagDocument(
        IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<Upos>> upos, NerGazetteer gazetteer,
        IReadOnlyList<IReadOnlyList<bool>?>? spaceAfter, IReadOnlyList<float[]>? outside, float outsideBias)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(upos);
        var hyphens = sentences.Select((forms, i) => NerHyphens.Of(forms, spaceAfter?[i])).ToArray();
        if (hyphens.All(h => h.IsIdentity))
        {
            return TagWords(sentences, upos, gazetteer, outside, outsideBias);
        }

        var spans = TagWords(
            [.. sentences.Select((forms, i) => hyphens[i].Forms(forms))], [.. upos.Select((tags, i) => hyphens[i].PartsOfSpeech(tags))], gazetteer,
            outside is null ? null : [.. outside.Select((o, i) => hyphens[i].Outside(o))], outsideBias);
        return [.. spans.Select((list, i) => list.Select(hyphens[i].ToTokens).ToList())];
    }

    private List<NerSpan>[] TagWords(
        IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<Upos>> upos, NerGazetteer gazetteer, IReadOnlyList<float[]>? outside, float outsideBias)
    {
        var context = new NerDocumentContext(sentences);
        var spans = new List<NerSpan>[sentences.Count];
        var rows = new HistoryRows(this);
        for (int i = 0; i < sentences.Count; i++)
        {
            spans[i] = Tag(sentences[i], upos[i], gazetteer, context, i, rows, Beam, outsideBias, outside?[i]);
        }

        NerDocumentConsistency.Apply(sentences, spans);
        return spans;
    }

    /// <summary>Name spans of sentence <paramref name="sentence"/> of a document summed up in <paramref name="context"/>. Thread-safe.</summary>
    /// <param name="fixedHistory">False scores every history feature by lookup, as training does (for tests of the precomputed sums).</param>
    /// <param name="beam">How far below the best path a previous label is still extended (<see cref="Beam"/>; infinity: exact Viterbi).</param>
    /// <param name="outsideBias">Added to each token's score of being no name (<see cref="OutsideBias"/>).</param>
    internal IReadOnlyList<NerSpan> Tag(
        IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer, NerDocumentContext context, int sentence,
        bool fixedHistory = true, float beam = Beam, float outsideBias = OutsideBias)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(gazetteer);
        return Tag(forms, upos, gazetteer, context, sentence, fixedHistory ? new HistoryRows(this) : null, beam, outsideBias);
    }

    /// <summary>As the overload above, reusing <paramref name="rows"/> (one per document) for the precomputed history sums; null: every history feature by lookup.</summary>
    private List<NerSpan> Tag(
        IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer, NerDocumentContext context, int sentence, HistoryRows? rows, float beam,
        float outsideBias, float[]? outside = null)
    {
        var labels = new int[forms.Count];
        rows ??= new HistoryRows(this, fixedSums: false);
        rows.Token = -1;
        Decode(
            new NerFeatures(forms, upos, gazetteer, context, sentence), labels, static (r, f, s) => r.Model._weights.Score(f, s), rows,
            _fixedHistory is null || !rows.FixedSums ? null : static (r, x, i, p, f, s) => r.Model.ScoreHistory(r, x, i, p, f, s),
            beam, outsideBias, outside);
        var spans = NerSpanTrimmer.Trim(forms, NerLabels.Decode(labels), gazetteer);
        spans.RemoveAll(s => NerSpanTrimmer.HoldsFileName(forms, s));
        return spans;
    }

    internal delegate void Scorer<T>(T weights, ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>Adds the history score of position <c>i</c> after label <c>previous</c> to <c>scores</c>; <c>buffer</c> holds features.</summary>
    internal delegate void HistoryScorer<T>(T weights, NerFeatures features, int i, int previous, Span<ulong> buffer, Span<float> scores);

    /// <summary>
    /// Viterbi decoding over valid BILOU transitions: the best label sequence under <paramref name="score"/>, where
    /// a position's score is that of its own features plus that of its features combined with the previous label;
    /// <paramref name="outsideBias"/>, and <paramref name="outside"/> when given, are added to each position's score of being no name.
    /// </summary>
    internal static void Decode<T>(
        NerFeatures features, Span<int> labels, Scorer<T> score, T weights, HistoryScorer<T>? historyScore = null, float beam = float.PositiveInfinity,
        float outsideBias = 0, float[]? outside = null)
    {
        int n = features.Count;
        if (n == 0)
        {
            return;
        }

        int L = NerLabels.Count;
        Span<ulong> f = stackalloc ulong[NerFeatures.MaxFeatures];
        Span<float> emit = stackalloc float[L];
        Span<float> history = stackalloc float[L];
        Span<float> best = stackalloc float[L];
        Span<float> next = stackalloc float[L];
        Span<byte> back = n * L <= 4096 ? stackalloc byte[n * L] : new byte[n * L];

        // Each score goes to a cleared buffer of its own: a scorer may add to the buffer or overwrite it.
        emit.Clear();
        score(weights, f[..features.ExtractStatic(0, f)], emit);
        emit[NerLabels.Outside] += outsideBias + (outside is null ? 0 : outside[0]);
        AddHistory(features, 0, -1, score, historyScore, weights, f, history);
        for (int c = 0; c < L; c++)
        {
            best[c] = NerLabels.CanFollow(-1, c) ? emit[c] + history[c] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            emit.Clear();
            score(weights, f[..features.ExtractStatic(i, f)], emit);
            emit[NerLabels.Outside] += outsideBias + (outside is null ? 0 : outside[i]);
            next.Fill(float.NegativeInfinity);
            float floor = best[0];
            for (int p = 1; p < L; p++)
            {
                floor = Math.Max(floor, best[p]);
            }

            floor -= beam;
            for (int p = 0; p < L; p++)
            {
                if (float.IsNegativeInfinity(best[p]) || best[p] < floor)
                {
                    continue;
                }

                AddHistory(features, i, p, score, historyScore, weights, f, history);
                for (int c = 0; c < L; c++)
                {
                    float v = best[p] + history[c];
                    if (v > next[c] && NerLabels.CanFollow(p, c))
                    {
                        next[c] = v;
                        back[(i * L) + c] = (byte)p;
                    }
                }
            }

            for (int c = 0; c < L; c++)
            {
                best[c] = next[c] + emit[c];
            }
        }

        int last = -1;
        for (int c = 0; c < L; c++)
        {
            if (NerLabels.CanEnd(c) && !float.IsNegativeInfinity(best[c]) && (last < 0 || best[c] > best[last]))
            {
                last = c;
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            labels[i] = last;
            last = back[(i * L) + last];
        }
    }

    /// <summary>The history score of position <paramref name="i"/> after <paramref name="previous"/> into a cleared <paramref name="history"/>: by
    /// <paramref name="historyScore"/> when given, else by scoring every history feature.</summary>
    private static void AddHistory<T>(
        NerFeatures features, int i, int previous, Scorer<T> score, HistoryScorer<T>? historyScore, T weights, Span<ulong> f, Span<float> history)
    {
        history.Clear();
        if (historyScore is not null)
        {
            historyScore(weights, features, i, previous, f, history);
            return;
        }

        features.ExtractHistory(i, previous, f);
        score(weights, f[..NerFeatures.HistoryCount], history);
    }

    /// <summary>The model that scores as the mean of <paramref name="models"/>' scores (see <see cref="SparseWeights.Mean"/>).</summary>
    public static NerModel Mean(IReadOnlyList<NerModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return models.Count == 1 ? models[0] : new NerModel(SparseWeights.Mean([.. models.Select(m => m._weights)]));
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> and, with a positive <paramref name="quantum"/>, the rest rounded to its multiples.</summary>
    public NerModel Pruned(float threshold, float quantum)
    {
        var weights = threshold > 0 ? _weights.Prune(threshold) : _weights;
        return new NerModel(quantum > 0 ? weights.Quantized(quantum) : weights);
    }

    public static NerModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a NER model of a known version.</exception>
    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Versions before 7 were trained for greedy decoding with other feature templates: they would load and score wrong.
        using var reader = ModelFile.OpenRead(stream, Magic, "NER", 7, Version, out int version);

        int kinds = reader.ReadInt32();
        for (int k = 0; k < kinds; k++)
        {
            string kind = reader.ReadString();
            if (k >= NerLabels.Kinds.Length || kind != NerLabels.Kinds[k].ToString())
            {
                throw new InvalidDataException($"NER model entity kind '{kind}' at {k} is not expected.");
            }
        }

        return new NerModel(SparseWeights.Read(reader, version >= 6 ? 4 : 3));
    }

    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model: gzip of magic, version, the entity kinds in label order, then the weights.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = ModelFile.OpenWrite(stream, Magic, Version);
        writer.Write(NerLabels.Kinds.Length);
        foreach (var kind in NerLabels.Kinds)
        {
            writer.Write(kind.ToString());
        }

        _weights.Write(writer);
    }
}
