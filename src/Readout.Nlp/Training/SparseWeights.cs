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
    private readonly byte[] _classes;
    private readonly float[] _weights;

    public SparseWeights(int bucketBits, int classCount, int[] rowStart, byte[] classes, float[] weights)
    {
        BucketBits = bucketBits;
        ClassCount = classCount;
        _mask = (1 << bucketBits) - 1;
        _rowStart = rowStart;
        _classes = classes;
        _weights = weights;
    }

    public int BucketBits { get; }

    public int Buckets => _mask + 1;

    public int ClassCount { get; }

    /// <summary>Number of stored (bucket, class) weights.</summary>
    public int NonZero => _weights.Length;

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="ClassCount"/>).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var rowStart = _rowStart;
        var classes = _classes;
        var weights = _weights;
        foreach (ulong f in features)
        {
            int b = (int)(f & (ulong)_mask);
            int end = rowStart[b + 1];
            for (int j = rowStart[b]; j < end; j++)
            {
                scores[classes[j]] += weights[j];
            }
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
                if (MathF.Abs(_weights[j]) >= threshold)
                {
                    classes.Add(_classes[j]);
                    weights.Add(_weights[j]);
                }
            }
        }

        rowStart[Buckets] = weights.Count;
        return new SparseWeights(BucketBits, ClassCount, rowStart, [.. classes], [.. weights]);
    }

    /// <summary>Writes the weights: non-empty rows as (bucket delta, count, then class byte + half weight pairs).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(BucketBits);
        writer.Write(ClassCount);
        writer.Write(_weights.Length);
        int previous = -1;
        for (int b = 0; b < Buckets; b++)
        {
            int start = _rowStart[b], end = _rowStart[b + 1];
            if (start == end)
            {
                continue;
            }

            writer.Write7BitEncodedInt(b - previous);
            writer.Write7BitEncodedInt(end - start);
            previous = b;
            for (int j = start; j < end; j++)
            {
                writer.Write(_classes[j]);
                writer.Write((Half)_weights[j]);
            }
        }

        writer.Write7BitEncodedInt(0);
    }

    public static SparseWeights Read(BinaryReader reader)
    {
        int bits = reader.ReadInt32();
        int classCount = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (bits is < 4 or > 26 || classCount is < 1 or > 256 || count < 0)
        {
            throw new InvalidDataException("Corrupt weight table header.");
        }

        int buckets = 1 << bits;
        var rowStart = new int[buckets + 1];
        var classes = new byte[count];
        var weights = new float[count];
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

            for (int j = 0; j < rowCount; j++)
            {
                classes[n] = reader.ReadByte();
                weights[n] = (float)reader.ReadHalf();
                n++;
            }

            bucket = next;
        }

        for (int b = bucket + 1; b <= buckets; b++)
        {
            rowStart[b] = n;
        }

        return n != count ? throw new InvalidDataException("Weight count mismatch.") : new SparseWeights(bits, classCount, rowStart, classes, weights);
    }
}
