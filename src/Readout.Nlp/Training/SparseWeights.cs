using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Readout.Nlp.Training;

/// <summary>
/// Read-only perceptron weights: feature hashes fall into <see cref="Buckets"/> buckets and
/// each bucket holds only its non-zero (class, weight) pairs. Immutable after construction, so
/// safe to share across threads.
/// </summary>
/// <remarks>
/// Scoring is bound by memory latency (the tables are larger than the caches), so loaded models (at
/// most 256 distinct weights) are laid out for few dependent cache misses: a bit per bucket says
/// whether its row is empty, with a running count of the non-empty rows per block of 64 buckets
/// (small enough to stay in cache); each non-empty row has one 8-byte head holding a row of up to
/// three entries inline, or the place of a longer one. A sparse entry is two bytes: class in the low
/// byte, palette index in the high byte. Long rows, the frequent features that carry most of the
/// work, are also stored dense (one 16-bit integer per class) and added with vector instructions.
/// Scoring adds integer levels (each palette weight rounded to a multiple of <see cref="Scale"/>) in
/// 32-bit sums, so the result does not depend on the order of the adds, and the dense rows take half
/// the bytes that floats would. The four tables scoring reads live in <see cref="TableMemory{T}"/>, native memory
/// that Linux backs with 2 MB pages where it can (4 % less time end to end, measured 2026-12-07).
/// </remarks>
internal sealed class SparseWeights
{
    private const int InlineEntries = 3;
    private readonly int _mask;
    private readonly TableMemory<Block> _blocks;
    // One per non-empty row, plus a zero head that empty buckets read: length in the top 16 bits,
    // then either the entries (length <= 3, 16 bits each from the bottom) or the offset in _spill.
    private readonly TableMemory<ulong> _heads;
    private readonly TableMemory<ushort> _spill;
    // Rows of at least _denseMin entries (the frequent features, which carry most of the work) are
    // also stored dense, _stride 16-bit levels each, and added with vector instructions; the head then
    // holds the dense row number and flag DenseFlag; _denseSpill gives the row's entries in _denseEntries,
    // kept apart from _spill so that the rows scoring reads are not interleaved with ones it never reads.
    private readonly int _denseMin;
    private readonly int _stride;
    private readonly TableMemory<short> _dense;
    private readonly int[] _denseSpill;
    private readonly ushort[] _denseEntries;
    private readonly float[] _palette = new float[256];
    // _palette[p] rounded to a multiple of Scale: what scoring adds.
    private readonly int[] _levels = new int[256];
    // Weights fresh from training have too many distinct values for a palette: (weight, class)
    // pairs in bucket order, row b at [_rowStart[b], _rowStart[b + 1]).
    private readonly int[]? _rowStart;
    private readonly Entry[]? _entries;

    /// <param name="quantum">When positive, every weight is a multiple of it and is written as that integer multiple (<see cref="Quantized"/>).</param>
    public SparseWeights(int bucketBits, int classCount, int[] rowStart, byte[] classes, float[] weights, float quantum = 0)
    {
        BucketBits = bucketBits;
        Quantum = quantum;
        ClassCount = classCount;
        _mask = (1 << bucketBits) - 1;
        NonZero = weights.Length;
        foreach (byte c in classes.AsSpan(0, weights.Length))
        {
            // Score writes without bounds checks: every class must be a valid score index.
            if (c >= classCount)
            {
                throw new InvalidDataException("Weight class out of range.");
            }
        }

        var packed = Pack(classes, weights, _palette);
        if (packed is null)
        {
            _rowStart = rowStart;
            _entries = new Entry[weights.Length];
            for (int j = 0; j < weights.Length; j++)
            {
                _entries[j] = new Entry(weights[j], classes[j]);
            }

            _blocks = new([]);
            _heads = new([]);
            _spill = new([]);
            _dense = new([]);
            _denseSpill = [];
            _denseEntries = [];
            return;
        }

        _stride = (classCount + 15) & ~15;
        // From about a sixth of the classes on, a dense row is faster than the scattered adds
        // (measured 12–48 entries, tagger 108 and parser 103 classes: 17–24 best), and such rows are few.
        _denseMin = Math.Max(InlineEntries + 1, classCount / 6);
        Scale = Quantize(rowStart, packed, _palette, _levels, quantum);
        var dense = new List<short>();
        var denseSpill = new List<int>();
        var denseEntries = new List<ushort>();

        int buckets = _mask + 1;
        var blocks = new Block[Math.Max(1, buckets / 64)];
        var heads = new List<ulong>();
        var spill = new List<ushort>();
        for (int b = 0; b < buckets; b++)
        {
            if (b % 64 == 0)
            {
                blocks[b / 64].Rank = heads.Count;
            }

            int start = rowStart[b], length = rowStart[b + 1] - start;
            if (length == 0)
            {
                continue;
            }

            blocks[b / 64].Occupied |= 1UL << (b % 64);
            ulong head = (ulong)length << 48;
            if (length <= InlineEntries)
            {
                for (int k = 0; k < length; k++)
                {
                    head |= (ulong)packed[start + k] << (16 * k);
                }
            }
            else if (length >= _denseMin)
            {
                head |= DenseFlag | (uint)denseSpill.Count;
                denseSpill.Add(denseEntries.Count);
                denseEntries.AddRange(packed.AsSpan(start, length));
                var row = new int[_stride];
                foreach (ushort p in packed.AsSpan(start, length))
                {
                    row[p & 0xFF] += _levels[p >> 8];
                }

                // Quantize keeps every row's cells within 16 bits.
                dense.AddRange(row.Select(v => checked((short)v)));
            }
            else
            {
                head |= (uint)spill.Count;
                spill.AddRange(packed.AsSpan(start, length));
            }

            heads.Add(head);
        }

        heads.Add(0);
        _blocks = new(blocks);
        _heads = new(CollectionsMarshal.AsSpan(heads));
        _spill = new(CollectionsMarshal.AsSpan(spill));
        _dense = new(CollectionsMarshal.AsSpan(dense));
        _denseSpill = [.. denseSpill];
        _denseEntries = [.. denseEntries];
    }

    private const ulong DenseFlag = 1UL << 47;

    /// <summary>Largest magnitude of a dense row's cell, in levels.</summary>
    private const int MaxLevel = short.MaxValue;

    /// <summary>
    /// Sets <paramref name="levels"/> to the palette in units of the returned scale: the table's
    /// quantum when the weights are its multiples and fit (then the levels are exact), else chosen so
    /// that the largest sum of magnitudes in any (row, class) cell is about <see cref="MaxLevel"/>.
    /// </summary>
    private static float Quantize(int[] rowStart, ushort[] packed, float[] palette, int[] levels, float quantum)
    {
        // A class appears once per row in trained tables, but nothing forbids repeats: bound the cell sums.
        double largest = 0;
        var cell = new double[256];
        for (int b = 0; b + 1 < rowStart.Length; b++)
        {
            int start = rowStart[b], end = rowStart[b + 1];
            for (int j = start; j < end; j++)
            {
                int c = packed[j] & 0xFF;
                cell[c] += Math.Abs(palette[packed[j] >> 8]);
                largest = Math.Max(largest, cell[c]);
            }

            for (int j = start; j < end; j++)
            {
                cell[packed[j] & 0xFF] = 0;
            }
        }

        // Each level is rounded by at most half a unit, so a cell of k entries may gain k/2; keep room.
        float scale = quantum > 0 && largest / quantum <= MaxLevel - 256 ? quantum
            : largest > 0 ? (float)(largest / (MaxLevel - 256)) : 1f;
        for (int p = 0; p < palette.Length; p++)
        {
            levels[p] = (int)MathF.Round(palette[p] / scale);
        }

        return scale;
    }

    /// <summary>
    /// The weight one level stands for: scores are sums of palette weights each rounded to a multiple
    /// of it (0 for tables fresh from training, which score exact floats).
    /// </summary>
    public float Scale { get; }

    /// <summary>The level (multiple of <see cref="Scale"/>) that scoring adds for <paramref name="weight"/>, a stored weight of a loaded table.</summary>
    internal int LevelOf(float weight) => (int)MathF.Round(weight / Scale);

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

    /// <summary>The rows in bucket order as (weight, class) pairs with their bounds, for the cold paths (pruning, writing).</summary>
    private (int[] RowStart, Entry[] Entries) Rows()
    {
        if (_entries is not null)
        {
            return (_rowStart!, _entries);
        }

        var rowStart = new int[Buckets + 1];
        var entries = new Entry[NonZero];
        int n = 0;
        for (int b = 0; b < Buckets; b++)
        {
            rowStart[b] = n;
            ulong head = Head(b);
            int length = (int)(head >> 48);
            for (int k = 0; k < length; k++)
            {
                int p = length <= InlineEntries ? (int)(head >> (16 * k)) & 0xFFFF
                    : (head & DenseFlag) != 0 ? _denseEntries[_denseSpill[(int)(uint)head] + k] : _spill.Span[(int)(uint)head + k];
                entries[n++] = new Entry(_palette[p >> 8], p & 0xFF);
            }
        }

        rowStart[Buckets] = n;
        GC.KeepAlive(this); // the tables read above are freed by finalizers
        return (rowStart, entries);
    }

    public int BucketBits { get; }

    public int Buckets => _mask + 1;

    public int ClassCount { get; }

    /// <summary>Number of stored (bucket, class) weights.</summary>
    public int NonZero { get; }

    /// <summary>Most features of one scoring call (tagger 46, parser 85, NER); more are scored in chunks.</summary>
    private const int Chunk = 128;

    /// <summary>The head of bucket <paramref name="b"/>'s row; 0 (length 0) for an empty bucket.</summary>
    private ulong Head(int b) => _heads.Span[HeadIndex(b, out ulong present)] & present;

    /// <summary>
    /// Where bucket <paramref name="b"/>'s head is, branch-free: for an empty bucket, the index of
    /// the next non-empty row (or of the final zero head), always in range, and a zero <paramref name="present"/> mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HeadIndex(int b, out ulong present)
    {
        ref Block block = ref Unsafe.Add(ref _blocks.First, b >> 6);
        ulong occupied = block.Occupied;
        int bit = b & 63;
        present = 0 - ((occupied >> bit) & 1);
        return block.Rank + BitOperations.PopCount(occupied & ((1UL << bit) - 1));
    }

    /// <summary>Asks for the cache line holding <paramref name="target"/> without waiting for it (no-op without SSE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T target)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref target));
        }
    }

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="ClassCount"/>).</summary>
    /// <remarks>Loaded tables add integer levels, so the result does not depend on the order of the adds; each class gets its sum times <see cref="Scale"/>.</remarks>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < ClassCount)
        {
            throw new ArgumentException("Scores are shorter than the class count.", nameof(scores));
        }

        if (_entries is not null)
        {
            ScoreEntries(features, scores);
            return;
        }

        AddScaled(features, [], scores);
    }

    /// <summary>
    /// The unscaled integer sums <see cref="Score(ReadOnlySpan{ulong}, Span{float})"/> makes of <paramref name="features"/> (<see cref="ClassCount"/> of them),
    /// for a caller that adds the same features to many scores: with <see cref="Score(ReadOnlySpan{ulong}, ReadOnlySpan{int}, Span{float})"/>
    /// the result is exactly that of scoring them with the rest. Null when the weights are not held as integer levels
    /// (fresh from training).
    /// </summary>
    internal int[]? Sums(ReadOnlySpan<ulong> features)
    {
        if (_entries is not null)
        {
            return null;
        }

        var sums = new int[ClassCount];
        SumLevels(features, sums);
        return sums;
    }

    /// <summary>
    /// Sets the first <see cref="ClassCount"/> of <paramref name="sums"/> to the integer sums of <paramref name="features"/>, as <see cref="Sums"/>
    /// without allocating; the weights must be integer levels (<see cref="Scale"/> positive).
    /// </summary>
    internal void SumLevels(ReadOnlySpan<ulong> features, Span<int> sums)
    {
        if (_entries is not null || sums.Length < ClassCount)
        {
            throw new InvalidOperationException("Integer sums need integer weights and a sum per class.");
        }

        Span<int> all = stackalloc int[_stride];
        Sum(features, all);
        all[..ClassCount].CopyTo(sums);
    }

    /// <summary>As <see cref="Score(ReadOnlySpan{ulong}, Span{float})"/>, with <paramref name="plus"/> (from <see cref="Sums"/>) added to the sums before scaling.</summary>
    internal void Score(ReadOnlySpan<ulong> features, ReadOnlySpan<int> plus, Span<float> scores)
    {
        if (_entries is not null || scores.Length < ClassCount || plus.Length < ClassCount)
        {
            throw new InvalidOperationException("Precomputed sums need integer weights and a score per class.");
        }

        AddScaled(features, plus[..ClassCount], scores);
    }

    /// <summary>Adds (the integer sums of <paramref name="features"/>, plus <paramref name="plus"/> where given) times <see cref="Scale"/> to <paramref name="scores"/>.</summary>
    private void AddScaled(ReadOnlySpan<ulong> features, ReadOnlySpan<int> plus, Span<float> scores)
    {
        Span<int> sums = stackalloc int[_stride];
        Sum(features, sums);
        for (int c = 0; c < plus.Length; c++)
        {
            sums[c] += plus[c];
        }

        // Each class's sum converted, times the scale, then added: the same two roundings in vector lanes as one by one.
        float scale = Scale;
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scales = Vector256.Create(scale);
            for (; k + Vector256<int>.Count <= ClassCount; k += Vector256<int>.Count)
            {
                var products = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(sums), (nuint)k)) * scales;
                (Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(scores), (nuint)k) + products).StoreUnsafe(ref MemoryMarshal.GetReference(scores), (nuint)k);
            }
        }

        for (int c = k; c < ClassCount; c++)
        {
            scores[c] += sums[c] * scale;
        }
    }

    /// <summary>The class of highest score (the first of equals), as <see cref="Score(ReadOnlySpan{ulong}, Span{float})"/> from zero scores would rank them.</summary>
    public int Best(ReadOnlySpan<ulong> features)
    {
        if (_entries is not null)
        {
            Span<float> scores = stackalloc float[ClassCount];
            scores.Clear();
            ScoreEntries(features, scores);
            return ArgMax(scores);
        }

        // The scale is positive, so the integer sums rank the classes as the scaled scores do.
        Span<int> sums = stackalloc int[_stride];
        Sum(features, sums);
        int best = 0;
        for (int c = 1; c < ClassCount; c++)
        {
            if (sums[c] > sums[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The index of the highest score, the first of equals.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// Sets <paramref name="sums"/> (length <c>_stride</c>) to each class's sum of levels over the
    /// features (a cell is at most 2¹⁵ levels, so 32-bit sums hold any 65,000 features).
    /// </summary>
    /// <remarks>
    /// The rows are scattered over tables larger than the caches, so the time goes into memory
    /// latency. Rounds over all features let the misses overlap: the head of every feature is located
    /// and prefetched, then the heads are read and the long rows prefetched, then the levels are added.
    /// </remarks>
    private void Sum(ReadOnlySpan<ulong> features, Span<int> sums)
    {
        ref ushort spill = ref _spill.First;
        ref short dense = ref _dense.First;
        ref int levels = ref MemoryMarshal.GetArrayDataReference(_levels);
        // Dense rows are added whole, so the sums run in a buffer padded to the row stride.
        sums.Clear();
        ref int sum = ref MemoryMarshal.GetReference(sums);
        Span<ulong> heads = stackalloc ulong[Chunk];
        Span<int> index = stackalloc int[Chunk];
        ref ulong headTable = ref _heads.First;
        // An empty bucket reads the zero head at the end of the table, which stays in cache, rather than the next
        // row's head (a cache line of its own that nothing uses): 10–13 % of the lookups find no row.
        int zero = _heads.Length - 1;
        while (!features.IsEmpty)
        {
            int count = Math.Min(features.Length, Chunk);
            for (int i = 0; i < count; i++)
            {
                int b = (int)features[i] & _mask;
                int at = HeadIndex(b, out ulong present);
                at = zero + ((at - zero) & (int)present);
                index[i] = at;
                Prefetch(ref Unsafe.Add(ref headTable, at));
            }

            for (int i = 0; i < count; i++)
            {
                ulong head = Unsafe.Add(ref headTable, index[i]);
                heads[i] = head;
                if ((head >> 48) > InlineEntries)
                {
                    if ((head & DenseFlag) != 0)
                    {
                        ref short row = ref Unsafe.Add(ref dense, (int)(uint)head * _stride);
                        for (int c = 0; c < _stride; c += 32)
                        {
                            Prefetch(ref Unsafe.Add(ref row, c));
                        }

                        Prefetch(ref Unsafe.Add(ref row, _stride - 1));
                    }
                    else
                    {
                        Prefetch(ref Unsafe.Add(ref spill, (int)(uint)head));
                    }
                }
            }

            for (int i = 0; i < count; i++)
            {
                ulong head = heads[i];
                int length = (int)(head >> 48);
                if (length <= InlineEntries)
                {
                    for (; length > 0; length--)
                    {
                        int p = (int)head & 0xFFFF;
                        Unsafe.Add(ref sum, p & 0xFF) += Unsafe.Add(ref levels, p >> 8);
                        head >>= 16;
                    }
                }
                else if ((head & DenseFlag) != 0)
                {
                    ref short row = ref Unsafe.Add(ref dense, (int)(uint)head * _stride);
                    for (int c = 0; c < _stride; c += Vector256<short>.Count)
                    {
                        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref row, (nuint)c));
                        (Vector256.LoadUnsafe(ref sum, (nuint)c) + low).StoreUnsafe(ref sum, (nuint)c);
                        (Vector256.LoadUnsafe(ref sum, (nuint)(c + Vector256<int>.Count)) + high).StoreUnsafe(ref sum, (nuint)(c + Vector256<int>.Count));
                    }
                }
                else
                {
                    ref ushort row = ref Unsafe.Add(ref spill, (int)(uint)head);
                    for (int j = 0; j < length; j++)
                    {
                        int p = Unsafe.Add(ref row, j);
                        Unsafe.Add(ref sum, p & 0xFF) += Unsafe.Add(ref levels, p >> 8);
                    }
                }
            }

            features = features[count..];
        }

        // The tables live in native memory freed by their finalizers: keep them until the last read above.
        GC.KeepAlive(this);
    }

    private void ScoreEntries(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(_rowStart!);
        ref Entry entries = ref MemoryMarshal.GetArrayDataReference(_entries!);
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

    /// <summary>
    /// The mean of several weight sets over the same features and classes: for a linear model, scoring with it is
    /// scoring with each and averaging, so it decodes as the ensemble of the models would, at one model's cost.
    /// </summary>
    public static SparseWeights Mean(IReadOnlyList<SparseWeights> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count == 0 || all.Any(w => w.BucketBits != all[0].BucketBits || w.ClassCount != all[0].ClassCount))
        {
            throw new ArgumentException("Weights to average must share their buckets and classes.", nameof(all));
        }

        var rows = all.Select(w => w.Rows()).ToArray();
        int buckets = all[0].Buckets, classCount = all[0].ClassCount;
        var rowStart = new int[buckets + 1];
        var classes = new List<byte>();
        var weights = new List<float>();
        var sum = new float[classCount];
        for (int b = 0; b < buckets; b++)
        {
            rowStart[b] = weights.Count;
            Array.Clear(sum);
            foreach (var (start, entries) in rows)
            {
                for (int j = start[b]; j < start[b + 1]; j++)
                {
                    sum[entries[j].Class] += entries[j].Weight;
                }
            }

            for (int c = 0; c < classCount; c++)
            {
                if (sum[c] != 0)
                {
                    classes.Add((byte)c);
                    weights.Add(sum[c] / all.Count);
                }
            }
        }

        rowStart[buckets] = weights.Count;
        return new SparseWeights(all[0].BucketBits, classCount, rowStart, [.. classes], [.. weights]);
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude.</summary>
    public SparseWeights Prune(float threshold)
    {
        // The weights kept are the ones read: written again on the scale they were read with, they come back the same
        // (on a scale made from the kept weights alone, every code would move a little).
        var pruned = Mapped(w => MathF.Abs(w) >= threshold ? w : 0, Quantum);
        pruned._logScale = _logScale;
        return pruned;
    }

    /// <summary>
    /// When positive, every weight is a multiple of it and the file holds the integer multiples;
    /// 0 for weights written on a log scale.
    /// </summary>
    public float Quantum { get; }

    /// <summary>
    /// A copy with every weight rounded to the nearest multiple of <paramref name="quantum"/> (weights
    /// that round to 0 are dropped). Keep the multiples to at most 256 distinct values, or loading
    /// falls back to the slow plain layout.
    /// </summary>
    public SparseWeights Quantized(float quantum)
    {
        if (!(quantum > 0) || !float.IsFinite(quantum))
        {
            throw new ArgumentOutOfRangeException(nameof(quantum), "The quantum must be positive.");
        }

        return Mapped(w => MathF.Round(w / quantum) * quantum, quantum);
    }

    /// <summary>A copy with every weight passed through <paramref name="map"/>; entries it maps to 0 are dropped.</summary>
    private SparseWeights Mapped(Func<float, float> map, float quantum)
    {
        var (oldStart, entries) = Rows();
        var rowStart = new int[oldStart.Length];
        var classes = new List<byte>();
        var weights = new List<float>();
        for (int b = 0; b < Buckets; b++)
        {
            rowStart[b] = weights.Count;
            for (int j = oldStart[b]; j < oldStart[b + 1]; j++)
            {
                float w = map(entries[j].Weight);
                if (w != 0)
                {
                    classes.Add((byte)entries[j].Class);
                    weights.Add(w);
                }
            }
        }

        rowStart[Buckets] = weights.Count;
        return new SparseWeights(BucketBits, ClassCount, rowStart, [.. classes], [.. weights], quantum);
    }

    /// <summary>
    /// Writes the weights (format version 4): the <see cref="Quantum"/>, non-empty rows as (bucket
    /// delta, count), then the class bytes, then the weight codes. With a quantum, a code is the
    /// weight's integer multiple of it (zigzag, 7 bits per byte); without, weights are quantized to one
    /// signed byte on a log scale between the smallest and the largest magnitude (relative error about
    /// 4 % for the usual range), which a perceptron does not feel.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        var (rowStart, entries) = Rows();
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
        if (_logScale is var (readMin, readStep))
        {
            (min, step) = (readMin, readStep);
        }

        writer.Write(BucketBits);
        writer.Write(ClassCount);
        writer.Write(entries.Length);
        writer.Write(Quantum);
        if (Quantum == 0)
        {
            writer.Write(min);
            writer.Write(step);
        }

        // Columns (row headers, then every class, then every weight code) compress better than
        // interleaved pairs: each column is a run of similar bytes.
        int previous = -1;
        for (int b = 0; b < Buckets; b++)
        {
            int start = rowStart[b], end = rowStart[b + 1];
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

        if (Quantum > 0)
        {
            // Small multiples are by far the most frequent: most codes take one byte.
            foreach (var e in entries)
            {
                int multiple = (int)MathF.Round(e.Weight / Quantum);
                writer.Write7BitEncodedInt((multiple << 1) ^ (multiple >> 31));
            }

            return;
        }

        foreach (var e in entries)
        {
            float a = MathF.Abs(e.Weight);
            int q = a <= min ? 1 : 1 + (int)MathF.Round(MathF.Log(a / min) / step);
            q = Math.Clamp(q, 1, 127);
            writer.Write((sbyte)(e.Weight < 0 ? -q : q));
        }
    }

    /// <summary>Reads weights written by a model file of format <paramref name="version"/> (1: half weights; 2: interleaved codes; 3: columns; 4: with a quantum).</summary>
    public static SparseWeights Read(BinaryReader reader, int version)
    {
        bool halfWeights = version == 1;
        int bits = reader.ReadInt32();
        int classCount = reader.ReadInt32();
        int count = reader.ReadInt32();
        float quantum = version >= 4 ? reader.ReadSingle() : 0;
        bool logCodes = !halfWeights && quantum == 0;
        float min = logCodes ? reader.ReadSingle() : 1;
        float step = logCodes ? reader.ReadSingle() : 1;
        if (bits is < 4 or > 26 || classCount is < 1 or > 256 || count < 0 || !(min > 0) || !(step > 0) || !(quantum >= 0) || !float.IsFinite(quantum))
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
                if (quantum > 0)
                {
                    int zigzag = reader.Read7BitEncodedInt();
                    weights[j] = ((zigzag >>> 1) ^ -(zigzag & 1)) * quantum;
                }
                else
                {
                    int code = reader.ReadSByte();
                    weights[j] = code < 0 ? -levels[-code] : levels[code];
                }
            }
        }

        return n != count ? throw new InvalidDataException("Weight count mismatch.")
            : new SparseWeights(bits, classCount, rowStart, classes, weights, quantum) { _logScale = logCodes ? (min, step) : null };
    }

    // The log scale (smallest magnitude, step) a table read from log codes was written with: writing it again uses the
    // same scale, so an unchanged model is written byte for byte as read. Recomputed from the decoded weights, the step
    // can differ in its last bit (the largest weight comes back rounded), which shifts every code's meaning a little.
    private (float Min, float Step)? _logScale;

    private readonly record struct Entry(float Weight, int Class);

    private struct Block
    {
        /// <summary>Bit k set when bucket 64·block + k has a row.</summary>
        public ulong Occupied;

        /// <summary>Non-empty rows in the blocks before this one.</summary>
        public int Rank;
    }
}
