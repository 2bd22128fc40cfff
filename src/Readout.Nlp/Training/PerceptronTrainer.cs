namespace Readout.Nlp.Training;

/// <summary>
/// Averaged multi-class perceptron over hashed features, dense during training
/// (<c>2^bits × classes</c> floats). Averaging uses the accumulated-timestamp trick:
/// <c>avg = w − u / c</c> where every update <c>d</c> at time <c>c</c> adds <c>c·d</c> to <c>u</c>.
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly int _classes;
    private readonly int _mask;
    private readonly float[] _w;
    private readonly float[] _u;
    private long _time = 1;

    public PerceptronTrainer(int bucketBits, int classes)
    {
        _classes = classes;
        _mask = (1 << bucketBits) - 1;
        BucketBits = bucketBits;
        _w = new float[(long)(_mask + 1) * classes];
        _u = new float[_w.Length];
    }

    public int BucketBits { get; }

    public int ClassCount => _classes;

    /// <summary>Advances the averaging clock by one training instance.</summary>
    public void Tick() => _time++;

    /// <summary>Scores with the current (not averaged) weights.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (ulong f in features)
        {
            var row = _w.AsSpan((int)(f & (ulong)_mask) * _classes, _classes);
            for (int c = 0; c < row.Length; c++)
            {
                scores[c] += row[c];
            }
        }
    }

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        float t = _time;
        foreach (ulong f in features)
        {
            int row = (int)(f & (ulong)_mask) * _classes;
            _w[row + truth] += 1f;
            _u[row + truth] += t;
            _w[row + guess] -= 1f;
            _u[row + guess] -= t;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weights of <paramref name="features"/> for one class (structured updates, where the guessed and true paths have different features).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        float t = _time * delta;
        foreach (ulong f in features)
        {
            int row = (int)(f & (ulong)_mask) * _classes;
            _w[row + cls] += delta;
            _u[row + cls] += t;
        }
    }

    /// <summary>Averaged weights with entries below <paramref name="threshold"/> in magnitude dropped.</summary>
    public SparseWeights Average(float threshold)
    {
        int buckets = _mask + 1;
        var rowStart = new int[buckets + 1];
        var classes = new List<byte>();
        var weights = new List<float>();
        float time = _time;
        for (int b = 0; b < buckets; b++)
        {
            rowStart[b] = weights.Count;
            int row = b * _classes;
            for (int c = 0; c < _classes; c++)
            {
                float w = _w[row + c];
                float u = _u[row + c];
                if (w == 0f && u == 0f)
                {
                    continue;
                }

                float avg = w - (u / time);
                // Half rounding (the stored format of version 1 models) keeps retrained models bit-identical to them.
                avg = (float)(Half)avg;
                if (MathF.Abs(avg) >= threshold)
                {
                    classes.Add((byte)c);
                    weights.Add(avg);
                }
            }
        }

        rowStart[buckets] = weights.Count;
        return new SparseWeights(BucketBits, _classes, rowStart, [.. classes], [.. weights]);
    }
}
