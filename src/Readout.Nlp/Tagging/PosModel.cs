using System.Buffers;
using Readout.Core.Layers;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tagging;

/// <summary>
/// A trained part-of-speech model: an averaged perceptron over joint (UPOS, Penn XPOS) tags,
/// a tag dictionary for frequent unambiguous words, and a <see cref="Lemmatizer"/>.
/// Immutable once loaded: one instance is shared read-only by every thread.
/// </summary>
public sealed class PosModel
{
    private const string Magic = "READOUT-POS";
    private const int Version = 4; // 4: weights may be integer multiples of a quantum

    private readonly Upos[] _classUpos;
    private readonly string[] _classXpos;
    private readonly Dictionary<ulong, byte> _tagDictionary;
    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly SparseWeights _weights;
    private readonly SparseWeights? _secondPass;
    // Per class, the lemmatizer's tables for its XPOS: found once, not per token.
    private readonly Lemmatizer.TagTables?[] _classLemmaTables;

    internal PosModel(Upos[] classUpos, string[] classXpos, Dictionary<ulong, byte> tagDictionary, Dictionary<ulong, ulong> ambiguity, SparseWeights weights, SparseWeights? secondPass, Lemmatizer lemmatizer)
    {
        _classUpos = classUpos;
        _classXpos = classXpos;
        _tagDictionary = tagDictionary;
        _ambiguity = ambiguity;
        _weights = weights;
        _secondPass = secondPass;
        Lemmatizer = lemmatizer;
        _classLemmaTables = [.. classXpos.Select(lemmatizer.TablesFor)];
    }

    public Lemmatizer Lemmatizer { get; }

    /// <summary>Number of joint (UPOS, XPOS) classes.</summary>
    public int ClassCount => _classUpos.Length;

    /// <summary>Number of stored non-zero weights.</summary>
    public int WeightCount => _weights.NonZero + (_secondPass?.NonZero ?? 0);

    public int TagDictionaryCount => _tagDictionary.Count;

    /// <summary>Tags and lemmatizes one sentence. Allocates the three result arrays; thread-safe.</summary>
    public PosTags Tag(IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        int n = forms.Count;
        var upos = new Upos[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        Tag(forms, upos, xpos, lemmas);
        return new PosTags(upos, xpos, lemmas);
    }

    /// <summary>Tags and lemmatizes one sentence into the given spans (each at least as long as the sentence).</summary>
    internal void Tag(IReadOnlyList<string> forms, Span<Upos> upos, Span<string> xpos, Span<string> lemmas)
    {
        int n = forms.Count;
        int[]? rented = n > 256 ? ArrayPool<int>.Shared.Rent(n) : null;
        Span<int> classes = rented is null ? stackalloc int[256] : rented;
        classes = classes[..n];
        TagClasses(forms, classes);
        for (int i = 0; i < n; i++)
        {
            upos[i] = _classUpos[classes[i]];
            xpos[i] = _classXpos[classes[i]];
            lemmas[i] = Lemmatizer.Lemmatize(forms[i], xpos[i], upos[i], _classLemmaTables[classes[i]]);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    internal Upos ClassUpos(int c) => _classUpos[c];

    internal string ClassXpos(int c) => _classXpos[c];

    /// <summary>
    /// Greedy left-to-right tagging into class ids; when the model has a second pass, it tags
    /// again with the first pass's tags as right context.
    /// </summary>
    internal void TagClasses(IReadOnlyList<string> forms, Span<int> result)
    {
        int n = forms.Count;
        using var features = new TaggerFeatures(forms, _ambiguity);
        // Per token, the tag dictionary's class or -1: looked up once for both passes.
        int[]? rented = n > 256 ? ArrayPool<int>.Shared.Rent(2 * n) : null;
        Span<int> buffer = rented is null ? stackalloc int[512] : rented;
        Span<int> fixedTags = buffer[..n];
        for (int i = 0; i < n; i++)
        {
            fixedTags[i] = _tagDictionary.TryGetValue(features.FormHash(i), out byte tag) ? tag : -1;
        }

        Pass(features, _weights, fixedTags, result, default);
        if (_secondPass is not null && n > 0)
        {
            Span<int> first = buffer.Slice(n, n);
            result[..n].CopyTo(first);
            Pass(features, _secondPass, fixedTags, result, first);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void Pass(TaggerFeatures features, SparseWeights weights, ReadOnlySpan<int> fixedTags, Span<int> result, ReadOnlySpan<int> firstPass)
    {
        Span<ulong> f = stackalloc ulong[TaggerFeatures.MaxFeatures];
        int p1 = -1, p2 = -2;
        for (int i = 0; i < fixedTags.Length; i++)
        {
            int best = fixedTags[i];
            if (best < 0)
            {
                int k = features.Extract(i, p1, p2, f, firstPass);
                best = weights.Best(f[..k]);
            }

            result[i] = best;
            p2 = p1;
            p1 = best;
        }
    }

    public static PosModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a POS model of a known version.</exception>
    public static PosModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = ModelFile.OpenRead(stream, Magic, "POS", 1, Version, out int version);

        int classCount = reader.ReadInt32();
        var upos = new Upos[classCount];
        var xpos = new string[classCount];
        for (int c = 0; c < classCount; c++)
        {
            upos[c] = Enum.Parse<Upos>(reader.ReadString());
            xpos[c] = reader.ReadString();
        }

        int dictCount = reader.ReadInt32();
        var dict = new Dictionary<ulong, byte>(dictCount);
        for (int i = 0; i < dictCount; i++)
        {
            ulong key = reader.ReadUInt64();
            dict[key] = reader.ReadByte();
        }

        int ambiguityCount = reader.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(ambiguityCount);
        for (int i = 0; i < ambiguityCount; i++)
        {
            ulong key = reader.ReadUInt64();
            ambiguity[key] = reader.ReadUInt64();
        }

        var lemmatizer = Lemmatizer.Read(reader);
        var weights = SparseWeights.Read(reader, version);
        var secondPass = reader.ReadBoolean() ? SparseWeights.Read(reader, version) : null;
        return new PosModel(upos, xpos, dict, ambiguity, weights, secondPass, lemmatizer);
    }

    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model: gzip of a header (magic, version), classes, tag dictionary, lemmatizer, weights.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = ModelFile.OpenWrite(stream, Magic, Version);
        writer.Write(_classUpos.Length);
        for (int c = 0; c < _classUpos.Length; c++)
        {
            writer.Write(_classUpos[c].ToString());
            writer.Write(_classXpos[c]);
        }

        writer.Write(_tagDictionary.Count);
        foreach (var (key, value) in _tagDictionary.OrderBy(kv => kv.Key))
        {
            writer.Write(key);
            writer.Write(value);
        }

        writer.Write(_ambiguity.Count);
        foreach (var (key, value) in _ambiguity.OrderBy(kv => kv.Key))
        {
            writer.Write(key);
            writer.Write(value);
        }

        Lemmatizer.Write(writer);
        _weights.Write(writer);
        writer.Write(_secondPass is not null);
        _secondPass?.Write(writer);
    }
}
