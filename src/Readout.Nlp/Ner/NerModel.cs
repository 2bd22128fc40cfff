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

    /// <summary>
    /// Name spans of every sentence of a document (<paramref name="upos"/>: each sentence's predicted parts of speech):
    /// each sentence is tagged with the others as context, then a name takes one kind through the document and is
    /// found wherever it is written again (<see cref="NerDocumentConsistency"/>). Thread-safe.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NerSpan>> TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<Upos>> upos, NerGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(upos);
        var context = new NerDocumentContext(sentences);
        var spans = new List<NerSpan>[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            spans[i] = [.. Tag(sentences[i], upos[i], gazetteer, context, i)];
        }

        NerDocumentConsistency.Apply(sentences, spans);
        return spans;
    }

    /// <summary>Name spans of sentence <paramref name="sentence"/> of a document summed up in <paramref name="context"/>. Thread-safe.</summary>
    internal IReadOnlyList<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<Upos> upos, NerGazetteer gazetteer, NerDocumentContext context, int sentence)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var labels = new int[forms.Count];
        Decode(new NerFeatures(forms, upos, gazetteer, context, sentence), labels, static (w, f, s) => w.Score(f, s), _weights);
        return NerSpanTrimmer.Trim(forms, NerLabels.Decode(labels), gazetteer).Where(s => !NerSpanTrimmer.HoldsFileName(forms, s)).ToList();
    }

    internal delegate void Scorer<T>(T weights, ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>
    /// Viterbi decoding over valid BILOU transitions: the best label sequence under <paramref name="score"/>, where
    /// a position's score is that of its own features plus that of its features combined with the previous label.
    /// </summary>
    internal static void Decode<T>(NerFeatures features, Span<int> labels, Scorer<T> score, T weights)
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
        features.ExtractHistory(0, -1, f);
        history.Clear();
        score(weights, f[..NerFeatures.HistoryCount], history);
        for (int c = 0; c < L; c++)
        {
            best[c] = NerLabels.CanFollow(-1, c) ? emit[c] + history[c] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            emit.Clear();
            score(weights, f[..features.ExtractStatic(i, f)], emit);
            next.Fill(float.NegativeInfinity);
            for (int p = 0; p < L; p++)
            {
                if (float.IsNegativeInfinity(best[p]))
                {
                    continue;
                }

                features.ExtractHistory(i, p, f);
                history.Clear();
                score(weights, f[..NerFeatures.HistoryCount], history);
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
