using CsCheck;
using Readout.Nlp.Training;

namespace Readout.Nlp.Tests.Training;

public class SparseWeightsTests
{
    [Fact]
    public void Score_PaletteTables_EqualSumOfLevelsTimesScale()
    {
        // At most 200 distinct weights: the packed layout (inline, spilled and dense rows).
        Gen.Int.Sample(seed =>
        {
            var (table, weights) = RandomTable(new Random(seed), distinct: 200);
            AssertScoresMatch(table, weights, new Random(seed + 1));
        }, iter: 300);
    }

    [Fact]
    public void Score_PaletteTables_WithinHalfALevelPerWeightOfThePlainSum()
    {
        Gen.Int.Sample(seed =>
        {
            var (table, rows) = RandomTable(new Random(seed), distinct: 200);
            float largest = rows.SelectMany(r => r).Select(e => MathF.Abs(e.Weight)).DefaultIfEmpty(0).Max();
            // Levels are 16-bit: the step is a tiny fraction of the largest weight.
            Assert.True(largest == 0 || table.Scale <= largest / 30000, $"scale {table.Scale}, largest weight {largest}");
            var random = new Random(seed + 1);
            var features = Enumerable.Range(0, random.Next(0, 300)).Select(_ => (ulong)random.NextInt64()).ToArray();
            var exact = new double[table.ClassCount];
            var terms = new int[table.ClassCount];
            foreach (ulong f in features)
            {
                foreach (var (c, w) in rows[(int)(f & (ulong)(rows.Length - 1))])
                {
                    exact[c] += w;
                    terms[c]++;
                }
            }

            var actual = new float[table.ClassCount];
            table.Score(features, actual);
            for (int c = 0; c < actual.Length; c++)
            {
                double bound = (terms[c] * table.Scale / 2) + 1e-4;
                Assert.True(Math.Abs(actual[c] - exact[c]) <= bound, $"class {c}: {actual[c]} vs {exact[c]}");
            }
        }, iter: 100);
    }

    [Fact]
    public void Score_ManyDistinctWeights_EqualPlainSumInFeatureOrder()
    {
        // Fresh training weights (more than 256 values) keep the plain row layout.
        Gen.Int.Sample(seed =>
        {
            var (table, weights) = RandomTable(new Random(seed), distinct: 0);
            AssertScoresMatch(table, weights, new Random(seed + 1));
        }, iter: 100);
    }

    [Fact]
    public void Write_ReadThenWrite_SameBytes()
    {
        Gen.Int.Sample(seed =>
        {
            var (table, _) = RandomTable(new Random(seed), distinct: 200);
            byte[] first = Bytes(table);
            using var reader = new BinaryReader(new MemoryStream(first));
            Assert.Equal(first, Bytes(SparseWeights.Read(reader, 4)));
        }, iter: 100);
    }

    [Fact]
    public void Quantized_WritesAndReadsTheSameMultiples_AndScoresThemExactly()
    {
        Gen.Int.Sample(seed =>
        {
            var (table, rows) = RandomTable(new Random(seed), distinct: 200);
            var quantized = table.Quantized(0.25f);
            byte[] first = Bytes(quantized);
            using var reader = new BinaryReader(new MemoryStream(first));
            var read = SparseWeights.Read(reader, 4);
            Assert.Equal(first, Bytes(read));
            Assert.Equal(0.25f, read.Quantum);
            // Rounded rows: the multiples of the quantum, zeros dropped.
            var roundedRows = rows.Select(r => r.Select(e => (e.Class, Weight: MathF.Round(e.Weight / 0.25f) * 0.25f)).Where(e => e.Weight != 0).ToList()).ToArray();
            Assert.Equal(roundedRows.Sum(r => r.Count), read.NonZero);
            // The levels are the multiples themselves, so the scores are exact sums.
            Assert.Equal(0.25f, read.Scale);
            AssertScoresMatch(read, roundedRows, new Random(seed + 1));
        }, iter: 100);
    }

    [Fact]
    public void Prune_ZeroThreshold_SameScores()
    {
        Gen.Int.Sample(seed =>
        {
            var (table, weights) = RandomTable(new Random(seed), distinct: 200);
            AssertScoresMatch(table.Prune(0f), weights, new Random(seed + 1));
        }, iter: 100);
    }

    /// <summary>A table with rows of every length class (empty, inline, spilled, dense) and the same rows as plain lists.</summary>
    [Fact]
    public void Mean_ScoresAsTheMeanOfTheWeights()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            int bits = random.Next(3, 9), classes = random.Next(1, 20), members = random.Next(1, 5);
            var tables = Enumerable.Range(0, members).Select(_ => PlainTable(random, bits, classes)).ToArray();
            var mean = SparseWeights.Mean([.. tables.Select(t => t.Table)]);
            var features = Enumerable.Range(0, random.Next(0, 50)).Select(_ => (ulong)random.NextInt64()).ToArray();
            var expected = new double[classes];
            var terms = new int[classes];
            foreach (ulong f in features)
            {
                int b = (int)(f & (ulong)((1 << bits) - 1));
                foreach (var (_, rows) in tables)
                {
                    foreach (var (c, w) in rows[b])
                    {
                        expected[c] += (double)w / members;
                        terms[c]++;
                    }
                }
            }

            var actual = new float[classes];
            mean.Score(features, actual);
            for (int c = 0; c < classes; c++)
            {
                // A small mean (at most 256 distinct weights) is scored in integer levels: half a level per weight summed.
                double bound = (terms[c] * mean.Scale / 2) + (1e-3 * (1 + Math.Abs(expected[c])));
                Assert.True(Math.Abs(actual[c] - expected[c]) <= bound, $"class {c}: {actual[c]} vs {expected[c]}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Mean_OfTablesOfDifferentShapes_Throws()
    {
        var random = new Random(1);
        Assert.Throws<ArgumentException>(() => SparseWeights.Mean([PlainTable(random, 4, 3).Table, PlainTable(random, 5, 3).Table]));
        Assert.Throws<ArgumentException>(() => SparseWeights.Mean([PlainTable(random, 4, 3).Table, PlainTable(random, 4, 2).Table]));
        Assert.Throws<ArgumentException>(() => SparseWeights.Mean([]));
    }

    // Weights as fresh from training (any values, some rows empty) and the rows they were made from.
    private static (SparseWeights Table, List<(int Class, float Weight)>[] Rows) PlainTable(Random random, int bits, int classes)
    {
        var rows = new List<(int, float)>[1 << bits];
        var rowStart = new int[rows.Length + 1];
        var classList = new List<byte>();
        var weights = new List<float>();
        for (int b = 0; b < rows.Length; b++)
        {
            rowStart[b] = weights.Count;
            rows[b] = [];
            for (int c = 0; c < classes; c++)
            {
                if (random.Next(3) == 0)
                {
                    float w = (float)((random.NextDouble() - 0.5) * 20);
                    rows[b].Add((c, w));
                    classList.Add((byte)c);
                    weights.Add(w);
                }
            }
        }

        rowStart[rows.Length] = weights.Count;
        return (new SparseWeights(bits, classes, rowStart, [.. classList], [.. weights]), rows);
    }

    private static (SparseWeights Table, List<(int Class, float Weight)>[] Rows) RandomTable(Random random, int distinct)
    {
        int bits = random.Next(4, 11);
        int classes = random.Next(1, 130);
        var palette = Enumerable.Range(0, Math.Max(distinct, 1)).Select(_ => (float)((random.NextDouble() - 0.5) * 20)).ToArray();
        var rows = new List<(int, float)>[1 << bits];
        var rowStart = new int[rows.Length + 1];
        var classList = new List<byte>();
        var weightList = new List<float>();
        for (int b = 0; b < rows.Length; b++)
        {
            rowStart[b] = weightList.Count;
            int length = random.Next(4) switch
            {
                0 => 0,
                1 => random.Next(1, Math.Min(classes, 3) + 1),
                _ => random.Next(0, classes + 1),
            };
            var chosen = Enumerable.Range(0, classes).OrderBy(_ => random.Next()).Take(length).Order().ToList();
            rows[b] = [];
            foreach (int c in chosen)
            {
                float w = distinct > 0 ? palette[random.Next(distinct)] : (float)((random.NextDouble() - 0.5) * 20);
                rows[b].Add((c, w));
                classList.Add((byte)c);
                weightList.Add(w);
            }
        }

        rowStart[rows.Length] = weightList.Count;
        return (new SparseWeights(bits, classes, rowStart, [.. classList], [.. weightList]), rows);
    }

    private static void AssertScoresMatch(SparseWeights table, List<(int Class, float Weight)>[] rows, Random random)
    {
        for (int trial = 0; trial < 5; trial++)
        {
            var features = new ulong[random.Next(0, 300)];
            for (int i = 0; i < features.Length; i++)
            {
                features[i] = (ulong)random.NextInt64();
            }

            var expected = new float[table.ClassCount];
            var levels = new int[table.ClassCount];
            foreach (ulong f in features)
            {
                foreach (var (c, w) in rows[(int)(f & (ulong)(rows.Length - 1))])
                {
                    if (table.Scale > 0)
                    {
                        levels[c] += table.LevelOf(w);
                    }
                    else
                    {
                        expected[c] += w;
                    }
                }
            }

            if (table.Scale > 0)
            {
                // Loaded tables add integer levels, then scale each class's sum once.
                for (int c = 0; c < expected.Length; c++)
                {
                    expected[c] = levels[c] * table.Scale;
                }
            }

            var actual = new float[table.ClassCount];
            table.Score(features, actual);
            Assert.Equal(expected, actual);
            Assert.Equal(SparseWeights.ArgMax(expected), table.Best(features));
        }
    }

    private static byte[] Bytes(SparseWeights table)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            table.Write(writer);
        }

        return stream.ToArray();
    }
}
