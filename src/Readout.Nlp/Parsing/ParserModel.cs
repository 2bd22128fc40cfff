using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Parsing;

/// <summary>
/// A trained greedy arc-hybrid dependency parser: an averaged perceptron choosing among SHIFT,
/// LEFT-label and RIGHT-label. Immutable once loaded: one instance is shared read-only by every thread.
/// </summary>
public sealed class ParserModel
{
    private const string Magic = "READOUT-PARSER";
    private const int Version = 4; // 4: weights may be integer multiples of a quantum
    private readonly string[] _labels;
    private readonly int _rootLabel;
    private readonly SparseWeights _weights;

    internal ParserModel(string[] labels, SparseWeights weights)
    {
        _labels = labels;
        _rootLabel = Array.IndexOf(labels, "root");
        _weights = weights;
    }

    /// <summary>Relation labels with subtypes, as in the training data.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of stored non-zero weights.</summary>
    public int WeightCount => _weights.NonZero;

    /// <summary>A smaller copy without the weights below <paramref name="threshold"/> in magnitude.</summary>
    public ParserModel Prune(float threshold) => new(_labels, _weights.Prune(threshold));

    /// <summary>A copy with every weight rounded to a multiple of <paramref name="quantum"/>, written as integers (smaller files).</summary>
    public ParserModel Quantized(float quantum) => new(_labels, _weights.Quantized(quantum));

    /// <summary>Parses one tagged sentence (greedy, linear in its length). Thread-safe.</summary>
    public ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, IReadOnlyList<string> xpos)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(xpos);
        if (upos.Count != forms.Count || xpos.Count != forms.Count)
        {
            throw new ArgumentException("Forms and tags differ in length.", nameof(xpos));
        }

        int n = forms.Count;
        var features = ParserFeatures.Of(forms, upos, xpos);
        var heads = new int[n];
        var relations = new string[n];
        Parse(features, new ParserState(n), heads, relations);
        return new ParseResult(heads, relations);
    }

    /// <summary>
    /// Parses the sentence held by <paramref name="features"/>, reusing <paramref name="state"/>;
    /// writes sentence-level heads (-1 for the root) and relations. No allocation once the buffers are large enough.
    /// </summary>
    /// <param name="reuseBufferSums">
    /// True (when the weights are integer levels) sums the features of the buffer alone (<see cref="ParserFeatures.BufferOnly"/>) once
    /// per word shifted, not once per transition; false scores every feature at every transition (for tests: the two agree exactly).
    /// </param>
    internal void Parse(ParserFeatures features, ParserState state, Span<int> heads, Span<string> relations, bool reuseBufferSums = true)
    {
        int n = features.Count;
        state.Reset(n);
        Span<ulong> f = stackalloc ulong[ParserFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[_weights.ClassCount];
        if (reuseBufferSums && _weights.Scale > 0)
        {
            ParseReusingBufferSums(features, state, f, scores);
        }
        else
        {
            while (!state.IsTerminal)
            {
                int k = features.Extract(state, f);
                scores.Clear();
                _weights.Score(f[..k], scores);
                state.Apply(Best(state, scores, _labels.Length, _rootLabel, [], 0), _labels.Length);
            }
        }

        for (int i = 1; i <= n; i++)
        {
            heads[i - 1] = state.Heads[i] - 1;
            relations[i - 1] = _labels[state.Labels[i]];
        }
    }

    /// <summary>
    /// The greedy parse with integer weights: the features of the buffer's first three words change only when a word is shifted
    /// (arcs pop the stack and leave the buffer), so their integer sums are kept until then and added to the others' (the same
    /// sums in another order: integer adds, so the same scores). About one transition in two is a shift.
    /// </summary>
    private void ParseReusingBufferSums(ParserFeatures features, ParserState state, Span<ulong> f, Span<float> scores)
    {
        var bufferOnly = ParserFeatures.BufferOnly;
        var others = ParserFeatures.NotBufferOnly;
        Span<ulong> bufferFeatures = stackalloc ulong[bufferOnly.Length];
        Span<ulong> otherFeatures = stackalloc ulong[others.Length];
        Span<int> bufferSums = stackalloc int[_weights.ClassCount];
        int summedBuffer = -1;
        while (!state.IsTerminal)
        {
            int k = features.Extract(state, f);
            if (k != ParserFeatures.TemplateCount)
            {
                throw new InvalidOperationException($"The parser extracted {k} features; the buffer split expects {ParserFeatures.TemplateCount}.");
            }

            if (state.Buffer != summedBuffer)
            {
                for (int j = 0; j < bufferOnly.Length; j++)
                {
                    bufferFeatures[j] = f[bufferOnly[j]];
                }

                _weights.SumLevels(bufferFeatures, bufferSums);
                summedBuffer = state.Buffer;
            }

            for (int j = 0; j < others.Length; j++)
            {
                otherFeatures[j] = f[others[j]];
            }

            scores.Clear();
            _weights.Score(otherFeatures, bufferSums, scores);
            state.Apply(Best(state, scores, _labels.Length, _rootLabel, [], 0), _labels.Length);
        }
    }

    /// <summary>
    /// The best-scoring legal transition; with <paramref name="costs"/> (training), only transitions
    /// of cost <paramref name="allowedCost"/> compete. The root arc is labelled "root" and no other.
    /// </summary>
    internal static int Best(ParserState state, ReadOnlySpan<float> scores, int labels, int rootLabel, ReadOnlySpan<int> costs, int allowedCost)
    {
        if (costs.IsEmpty)
        {
            return BestLegal(state, scores, labels, rootLabel);
        }

        int best = -1;
        float bestScore = float.NegativeInfinity;
        int classes = 1 + (2 * labels);
        for (int t = 0; t < classes; t++)
        {
            if (!IsLegal(state, t, labels, rootLabel) || (!costs.IsEmpty && costs[t] != allowedCost))
            {
                continue;
            }

            if (best < 0 || scores[t] > bestScore)
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    /// <summary>
    /// The best-scoring legal transition (the first of equals), as <see cref="Best"/> without costs: the legal transitions
    /// are whole ranges (shift; every left arc but the root's; the root's right arc or every other), so they are walked in
    /// class order without asking <see cref="IsLegal"/> of each of the classes.
    /// </summary>
    private static int BestLegal(ParserState state, ReadOnlySpan<float> scores, int labels, int rootLabel)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        if (state.CanShift)
        {
            Consider(0, scores, ref best, ref bestScore);
        }

        if (state.CanLeft)
        {
            for (int t = 1; t <= labels; t++)
            {
                if (t - 1 != rootLabel)
                {
                    Consider(t, scores, ref best, ref bestScore);
                }
            }
        }

        if (state.CanRight)
        {
            if (state.RightIsRoot)
            {
                // Without a "root" label (rootLabel −1) no right arc may attach to the root.
                if (rootLabel >= 0)
                {
                    Consider(1 + labels + rootLabel, scores, ref best, ref bestScore);
                }
            }
            else
            {
                for (int t = labels + 1; t <= 2 * labels; t++)
                {
                    if (t - 1 - labels != rootLabel)
                    {
                        Consider(t, scores, ref best, ref bestScore);
                    }
                }
            }
        }

        return best;

        static void Consider(int t, ReadOnlySpan<float> scores, ref int best, ref float bestScore)
        {
            if (best < 0 || scores[t] > bestScore)
            {
                best = t;
                bestScore = scores[t];
            }
        }
    }

    internal static bool IsLegal(ParserState state, int t, int labels, int rootLabel)
    {
        if (t == 0)
        {
            return state.CanShift;
        }

        if (t <= labels)
        {
            return state.CanLeft && t - 1 != rootLabel;
        }

        return state.CanRight && (state.RightIsRoot == (t - 1 - labels == rootLabel));
    }

    public static ParserModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a parser model of a known version.</exception>
    public static ParserModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = ModelFile.OpenRead(stream, Magic, "Parser", 1, Version, out int version);

        int count = reader.ReadInt32();
        var labels = new string[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = reader.ReadString();
        }

        var weights = SparseWeights.Read(reader, version);
        return weights.ClassCount != 1 + (2 * count)
            ? throw new InvalidDataException("Parser weights do not match the label set.")
            : new ParserModel(labels, weights);
    }

    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model: gzip of a header (magic, version), the labels, the weights.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = ModelFile.OpenWrite(stream, Magic, Version);
        writer.Write(_labels.Length);
        foreach (string label in _labels)
        {
            writer.Write(label);
        }

        _weights.Write(writer);
    }
}
