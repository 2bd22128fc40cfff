using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Ner;

/// <summary>
/// A trained name tagger: an averaged perceptron over BILOU labels for Person, Organization, Place and
/// Nationality, decoded greedily left to right with only valid label transitions.
/// Immutable once loaded: one instance is shared read-only by every thread.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "READOUT-NER";
    // 6: weights may be multiples of a quantum (SparseWeights format 4); 5: small places, person-name against place
    // features; 4: case-folded gazetteer categories; 3: document-context features, weights in SparseWeights format 3 (columns)
    private const int Version = 6;

    private readonly SparseWeights _weights;

    internal NerModel(SparseWeights weights)
    {
        if (weights.ClassCount != NerLabels.Count)
        {
            throw new InvalidDataException($"NER weights have {weights.ClassCount} classes; expected {NerLabels.Count}.");
        }

        _weights = weights;
    }

    /// <summary>Number of stored non-zero weights.</summary>
    public int WeightCount => _weights.NonZero;

    /// <summary>Name spans of one sentence; <paramref name="upos"/> holds its predicted parts of speech. Thread-safe.</summary>
    public IReadOnlyList<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer) =>
        Tag(forms, upos, gazetteer, NerDocumentContext.Empty, 0);

    /// <summary>Name spans of sentence <paramref name="sentence"/> of a document summed up in <paramref name="context"/>. Thread-safe.</summary>
    internal IReadOnlyList<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer, NerDocumentContext context, int sentence)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var labels = new int[forms.Count];
        Decode(new NerFeatures(forms, upos, gazetteer, context, sentence), labels, static (w, f, s) => w.Score(f, s), _weights);
        return NerSpanTrimmer.Trim(forms, NerLabels.Decode(labels));
    }

    internal delegate void Scorer<T>(T weights, ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>
    /// Greedy constrained decoding; <paramref name="onPosition"/> sees each position's features and guess and
    /// returns the label the next positions see as history (training passes the gold label).
    /// </summary>
    internal static void Decode<T>(NerFeatures features, Span<int> labels, Scorer<T> score, T weights, OnPosition? onPosition = null)
    {
        Span<ulong> f = stackalloc ulong[NerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[NerLabels.Count];
        int n = features.Count;
        int p1 = -1, p2 = -2;
        for (int i = 0; i < n; i++)
        {
            int k = features.Extract(i, p1, p2, f);
            scores.Clear();
            score(weights, f[..k], scores);
            int best = -1;
            for (int c = 0; c < scores.Length; c++)
            {
                if (!NerLabels.CanFollow(p1, c) || (i == n - 1 && !NerLabels.CanEnd(c)))
                {
                    continue;
                }

                if (best < 0 || scores[c] > scores[best])
                {
                    best = c;
                }
            }

            best = onPosition?.Invoke(i, f[..k], best) ?? best;
            labels[i] = best;
            p2 = p1;
            p1 = best;
        }
    }

    /// <summary>Called in training with the features and the guess; returns the label to continue with.</summary>
    internal delegate int OnPosition(int position, ReadOnlySpan<ulong> features, int guess);

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
        // Versions before 5 had fewer gazetteer categories and feature templates: they would load and score wrong.
        using var reader = ModelFile.OpenRead(stream, Magic, "NER", 5, Version, out int version);

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
