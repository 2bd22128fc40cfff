using System.Globalization;
using System.Text;
using Readout.Core.Layers;

namespace Readout.Nlp.Ner;

/// <summary>Exact-match span counts per entity kind (CoNLL style: a span counts only with both ends and the kind right).</summary>
public sealed class NerScores
{
    private readonly Dictionary<EntityKind, (int Gold, int Predicted, int Correct)> _counts = [];

    public IEnumerable<EntityKind> Kinds => _counts.Keys.Order();

    public int Gold(EntityKind kind) => _counts.GetValueOrDefault(kind).Gold;

    public int Predicted(EntityKind kind) => _counts.GetValueOrDefault(kind).Predicted;

    public int Correct(EntityKind kind) => _counts.GetValueOrDefault(kind).Correct;

    public double Precision(EntityKind kind) => Ratio(Correct(kind), Predicted(kind));

    public double Recall(EntityKind kind) => Ratio(Correct(kind), Gold(kind));

    public double F1(EntityKind kind) => Harmonic(Precision(kind), Recall(kind));

    public double OverallPrecision => Ratio(_counts.Values.Sum(c => c.Correct), _counts.Values.Sum(c => c.Predicted));

    public double OverallRecall => Ratio(_counts.Values.Sum(c => c.Correct), _counts.Values.Sum(c => c.Gold));

    /// <summary>Micro-averaged F1 over every kind, in percent.</summary>
    public double OverallF1 => Harmonic(OverallPrecision, OverallRecall);

    /// <summary>Adds one sentence's gold and predicted spans.</summary>
    public void Add(IEnumerable<NerSpan> gold, IEnumerable<NerSpan> predicted)
    {
        var g = gold.ToHashSet();
        foreach (var s in g)
        {
            Bump(s.Kind, 1, 0, 0);
        }

        foreach (var s in predicted.Distinct())
        {
            Bump(s.Kind, 0, 1, g.Contains(s) ? 1 : 0);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        foreach (var k in Kinds)
        {
            sb.Append(ci, $"  {k,-13} P {Precision(k),5:F1}  R {Recall(k),5:F1}  F1 {F1(k),5:F1}  (gold {Gold(k)}, predicted {Predicted(k)})\n");
        }

        sb.Append(ci, $"  {"overall",-13} P {OverallPrecision,5:F1}  R {OverallRecall,5:F1}  F1 {OverallF1,5:F1}");
        return sb.ToString();
    }

    private void Bump(EntityKind kind, int gold, int predicted, int correct)
    {
        var c = _counts.GetValueOrDefault(kind);
        _counts[kind] = (c.Gold + gold, c.Predicted + predicted, c.Correct + correct);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : 100.0 * a / b;

    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
