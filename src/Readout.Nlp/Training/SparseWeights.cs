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
    // (weight, class) pairs side by side: one cache miss per feature row instead of two.
    private readonly Entry[] _entries;

    public SparseWeights(int bucketBits, int classCount, int[] rowStart, byte[] classes, float[] weights)
    {
        BucketBits = bucketBits;
        ClassCount = classCount;
        _mask = (1 << bucketBits) - 1;
        _rowStart = rowStart;
        _entries = new Entry[weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            // Score writes without bounds checks: every class must be a valid score index.
            if (classes[j] >= classCount)
            {
                throw new InvalidDataException("Weight class out of range.");
            }

            _entries[j] = new Entry(weights[j], classes[j]);
        }
    }

    public int BucketBits { get; }

    public int Buckets => _mask + 1;

    public int ClassCount { get; }

    /// <summary>Number of stored (bucket, class) weights.</summary>
    public int NonZero => _entries.Length;

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
        ref Entry entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref float score = ref MemoryMarshal.GetReference(scores);
        ulong mask = (ulong)_mask;
        if (scores.Length < ClassCount)
        {
            throw new ArgumentException("Scores are shorter than the class count.", nameof(scores));
        }

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
                    touched ^= Unsafe.Add(ref entries, start).Class;
                }
            }

            for (int i = 0; i < count; i++)
            {
                int end = bounds[(2 * i) + 1];
                for (int j = bounds[2 * i]; j < end; j++)
                {
                    ref Entry e = ref Unsafe.Add(ref entries, j);
                    Unsafe.Add(ref score, e.Class) += e.Weight;
                }
            }

            // Keeps the touching loads alive; classes are below 256.
            if (touched > 0xFF)
            {
                throw new InvalidOperationException("Corrupt weight table.");
            }

            features = features[count..];
        }
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude.</summary>
    public SparseWeights Prune(float threshold)
    {
        var rowStart = new int[_rowStart.Length];
        var classes = new List<byte>();
        var weights = new List<float>();
        for (int b = 0; b < Buckets; b++)
        {
            rowStart[b] = weights.Count;
            for (int j = _rowStart[b]; j < _rowStart[b + 1]; j++)
            {
                if (MathF.Abs(_entries[j].Weight) >= threshold)
                {
                    classes.Add((byte)_entries[j].Class);
                    weights.Add(_entries[j].Weight);
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
        float min = float.MaxValue, max = 0;
        foreach (var e in _entries)
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
        writer.Write(_entries.Length);
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
        foreach (var e in _entries)
        {
            writer.Write((byte)e.Class);
        }

        foreach (var e in _entries)
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
