using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Readout.Nlp.Training;

/// <summary>
/// Read-only perceptron weights: feature hashes fall into <see cref="Buckets"/> buckets and
/// each bucket holds only its non-zero (class, weight) pairs. Scoring a feature costs one
/// row read. Immutable after construction, so safe to share across threads.
/// </summary>
internal sealed class SparseWeights
{
    private readonly int _mask;
    private readonly int[] _rowStart;
    // Loaded models hold at most 254 distinct weights (one-byte codes): then each entry is two
    // bytes, class and palette index, so that a row spans a quarter of the cache lines.
    private readonly ushort[]? _packed;
    private readonly float[] _palette = new float[256];
    // Otherwise (weights fresh from training), (weight, class) pairs side by side.
    private readonly Entry[] _entries;

    public SparseWeights(int bucketBits, int classCount, int[] rowStart, byte[] classes, float[] weights)
    {
        BucketBits = bucketBits;
        ClassCount = classCount;
        _mask = (1 << bucketBits) - 1;
        _rowStart = rowStart;
        NonZero = weights.Length;
        foreach (byte c in classes.AsSpan(0, weights.Length))
        {
            // Score writes without bounds checks: every class must be a valid score index.
            if (c >= classCount)
            {
                throw new InvalidDataException("Weight class out of range.");
            }
        }

        _packed = Pack(classes, weights, _palette);
        _entries = [];
        if (_packed is null)
        {
            _entries = new Entry[weights.Length];
            for (int j = 0; j < weights.Length; j++)
            {
                _entries[j] = new Entry(weights[j], classes[j]);
            }
        }
    }

    /// <summary>Class in the low byte, palette index in the high byte; null when there are more than 256 distinct weights.</summary>
    private static ushort[]? Pack(byte[] classes, float[] weights, float[] palette)
    {
        // Keyed by bits so that the palette holds exactly the stored values (0 and -0 stay apart).
        var index = new Dictionary<int, int>();
        var packed = new ushort[weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            int bits = BitConverter.SingleToInt32Bits(weights[j]);
            if (!index.TryGetValue(bits, out int p))
            {
                if (index.Count == palette.Length)
                {
                    return null;
                }

                p = index.Count;
                index[bits] = p;
                palette[p] = weights[j];
            }

            packed[j] = (ushort)(classes[j] | (p << 8));
        }

        return packed;
    }

    /// <summary>The (weight, class) pairs in storage order, for the cold paths (pruning, writing).</summary>
    private Entry[] Entries()
    {
        if (_packed is null)
        {
            return _entries;
        }

        var entries = new Entry[_packed.Length];
        for (int j = 0; j < entries.Length; j++)
        {
            entries[j] = new Entry(_palette[_packed[j] >> 8], _packed[j] & 0xFF);
        }

        return entries;
    }

    public int BucketBits { get; }

    public int Buckets => _mask + 1;

    public int ClassCount { get; }

    /// <summary>Number of stored (bucket, class) weights.</summary>
    public int NonZero { get; }

    /// <summary>Most features of one scoring call (tagger 46, parser 85, NER); more are scored in chunks.</summary>
    private const int Chunk = 128;

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="ClassCount"/>).</summary>
    /// <remarks>
    /// The rows are scattered over a table much larger than the caches, so the time goes into memory
    /// latency. The row bounds of all features are read first (independent loads the processor
    /// overlaps), then the first entry of every row is touched, then the weights are added in
    /// feature order, so every class sums its weights in the same order as a plain loop would.
    /// </remarks>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(_rowStart);
        if (scores.Length < ClassCount)
        {
            throw new ArgumentException("Scores are shorter than the class count.", nameof(scores));
        }

        if (_packed is null)
        {
            ScoreEntries(features, scores);
            return;
        }

        ref ushort packed = ref MemoryMarshal.GetArrayDataReference(_packed);
        ref float palette = ref MemoryMarshal.GetArrayDataReference(_palette);
        ref float score = ref MemoryMarshal.GetReference(scores);
        ulong mask = (ulong)_mask;
        Span<int> bounds = stackalloc int[2 * Chunk];
        while (!features.IsEmpty)
        {
            int count = Math.Min(features.Length, Chunk);
            for (int i = 0; i < count; i++)
            {
                int b = (int)(features[i] & mask);
                bounds[2 * i] = Unsafe.Add(ref rowStart, b);
                bounds[(2 * i) + 1] = Unsafe.Add(ref rowStart, b + 1);
            }

            int touched = 0;
            for (int i = 0; i < count; i++)
            {
                int start = bounds[2 * i];
                if (start < bounds[(2 * i) + 1])
                {
                    touched |= Unsafe.Add(ref packed, start);
                }
            }

            for (int i = 0; i < count; i++)
            {
                int end = bounds[(2 * i) + 1];
                for (int j = bounds[2 * i]; j < end; j++)
                {
                    int p = Unsafe.Add(ref packed, j);
                    Unsafe.Add(ref score, p & 0xFF) += Unsafe.Add(ref palette, p >> 8);
                }
            }

            // Keeps the touching loads alive (never true: entries are 16 bits).
            if (touched > ushort.MaxValue)
            {
                throw new InvalidOperationException("Corrupt weight table.");
            }

            features = features[count..];
        }
    }

    private void ScoreEntries(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(_rowStart);
        ref Entry entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref float score = ref MemoryMarshal.GetReference(scores);
        ulong mask = (ulong)_mask;
        foreach (ulong f in features)
        {
            int b = (int)(f & mask);
            int end = Unsafe.Add(ref rowStart, b + 1);
            for (int j = Unsafe.Add(ref rowStart, b); j < end; j++)
            {
                ref Entry e = ref Unsafe.Add(ref entries, j);
                Unsafe.Add(ref score, e.Class) += e.Weight;
            }
        }
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude.</summary>
    public SparseWeights Prune(float threshold)
    {
        var entries = Entries();
        var rowStart = new int[_rowStart.Length];
        var classes = new List<byte>();
        var weights = new List<float>();
        for (int b = 0; b < Buckets; b++)
        {
            rowStart[b] = weights.Count;
            for (int j = _rowStart[b]; j < _rowStart[b + 1]; j++)
            {
                if (MathF.Abs(entries[j].Weight) >= threshold)
                {
                    classes.Add((byte)entries[j].Class);
                    weights.Add(entries[j].Weight);
                }
            }
        }

        rowStart[Buckets] = weights.Count;
        return new SparseWeights(BucketBits, ClassCount, rowStart, [.. classes], [.. weights]);
    }

    /// <summary>
    /// Writes the weights (format version 3): non-empty rows as (bucket delta, count), then the class
    /// bytes, then the weight codes. Weights are quantized to one signed byte on a log scale between the smallest and the
    /// largest magnitude (relative error about 4 % for the usual range), which a perceptron does not feel.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        var entries = Entries();
        float min = float.MaxValue, max = 0;
        foreach (var e in entries)
        {
            float a = MathF.Abs(e.Weight);
            if (a > 0)
            {
                min = MathF.Min(min, a);
                max = MathF.Max(max, a);
            }
        }

        if (max == 0)
        {
            min = max = 1;
        }

        // code q in 1..127 stands for min · exp((q − 1) · step); the sign is the code's sign
        float step = max > min ? MathF.Log(max / min) / 126f : 1f;
        writer.Write(BucketBits);
        writer.Write(ClassCount);
        writer.Write(entries.Length);
        writer.Write(min);
        writer.Write(step);
        // Columns (row headers, then every class, then every weight code) compress better than
        // interleaved pairs: each column is a run of similar bytes.
        int previous = -1;
        for (int b = 0; b < Buckets; b++)
        {
            int start = _rowStart[b], end = _rowStart[b + 1];
            if (start != end)
            {
                writer.Write7BitEncodedInt(b - previous);
                writer.Write7BitEncodedInt(end - start);
                previous = b;
            }
        }

        writer.Write7BitEncodedInt(0);
        foreach (var e in entries)
        {
            writer.Write((byte)e.Class);
        }

        foreach (var e in entries)
        {
            float a = MathF.Abs(e.Weight);
            int q = a <= min ? 1 : 1 + (int)MathF.Round(MathF.Log(a / min) / step);
            q = Math.Clamp(q, 1, 127);
            writer.Write((sbyte)(e.Weight < 0 ? -q : q));
        }
    }

    /// <summary>Reads weights written by a model file of format <paramref name="version"/> (1: half weights; 2: interleaved codes; 3: columns).</summary>
    public static SparseWeights Read(BinaryReader reader, int version)
    {
        bool halfWeights = version == 1;
        int bits = reader.ReadInt32();
        int classCount = reader.ReadInt32();
        int count = reader.ReadInt32();
        float min = halfWeights ? 1 : reader.ReadSingle();
        float step = halfWeights ? 1 : reader.ReadSingle();
        if (bits is < 4 or > 26 || classCount is < 1 or > 256 || count < 0 || !(min > 0) || !(step > 0))
        {
            throw new InvalidDataException("Corrupt weight table header.");
        }

        int buckets = 1 << bits;
        var rowStart = new int[buckets + 1];
        var classes = new byte[count];
        var weights = new float[count];
        Span<float> levels = stackalloc float[128];
        for (int q = 1; q < 128; q++)
        {
            levels[q] = min * MathF.Exp((q - 1) * step);
        }

        int bucket = -1, n = 0;
        while (true)
        {
            int delta = reader.Read7BitEncodedInt();
            if (delta == 0)
            {
                break;
            }

            int next = bucket + delta;
            int rowCount = reader.Read7BitEncodedInt();
            if (next >= buckets || n + rowCount > count)
            {
                throw new InvalidDataException("Corrupt weight table rows.");
            }

            for (int b = bucket + 1; b <= next; b++)
            {
                rowStart[b] = n;
            }

            if (version >= 3)
            {
                n += rowCount;
                bucket = next;
                continue;
            }

            for (int j = 0; j < rowCount; j++)
            {
                classes[n] = reader.ReadByte();
                if (halfWeights)
                {
                    weights[n] = (float)reader.ReadHalf();
                }
                else
                {
                    int code = reader.ReadSByte();
                    weights[n] = code < 0 ? -levels[-code] : levels[code];
                }
                n++;
            }

            bucket = next;
        }

        for (int b = bucket + 1; b <= buckets; b++)
        {
            rowStart[b] = n;
        }

        if (version >= 3)
        {
            classes = reader.ReadBytes(count);
            if (n != count || classes.Length != count)
            {
                throw new InvalidDataException("Truncated weight classes.");
            }

            for (int j = 0; j < count; j++)
            {
                int code = reader.ReadSByte();
                weights[j] = code < 0 ? -levels[-code] : levels[code];
            }
        }

        return n != count ? throw new InvalidDataException("Weight count mismatch.") : new SparseWeights(bits, classCount, rowStart, classes, weights);
    }

    private readonly record struct Entry(float Weight, int Class);
}
