namespace Readout.Nlp.Time.Evaluation;

/// <summary>
/// TempEval-3 figures for one corpus and split. Relaxed matching pairs a system and a gold
/// expression that overlap (one to one); strict matching needs the same span. Type and value
/// accuracy are over relaxed matches; value F1 counts a system expression correct when it matches
/// a gold one and has its value (TempEval-3's attribute F1). Percentages, 0–100; the printed line also gives the
/// count of right values, since a tenth of a point is about one expression.
/// </summary>
/// <param name="Split">"all", "dev" (documents whose name hash is even: used for development) or "held-out".</param>
public sealed record TempEvalFigures(string Corpus, string Split, int Documents, int Gold, int System, int StrictMatches, int RelaxedMatches, int TypeCorrect, int ValueCorrect)
{
    public double StrictPrecision => Percent(StrictMatches, System);

    public double StrictRecall => Percent(StrictMatches, Gold);

    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double RelaxedPrecision => Percent(RelaxedMatches, System);

    public double RelaxedRecall => Percent(RelaxedMatches, Gold);

    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);

    public double TypeAccuracy => Percent(TypeCorrect, RelaxedMatches);

    public double ValueAccuracy => Percent(ValueCorrect, RelaxedMatches);

    public double ValueF1 => F1(Percent(ValueCorrect, System), Percent(ValueCorrect, Gold));

    public override string ToString() =>
        FormattableString.Invariant(
            $"{Corpus,-9} {Split,-8} docs {Documents,3} gold {Gold,4} sys {System,4}  strict P/R/F1 {StrictPrecision:F1}/{StrictRecall:F1}/{StrictF1:F1}  relaxed P/R/F1 {RelaxedPrecision:F1}/{RelaxedRecall:F1}/{RelaxedF1:F1}  type acc {TypeAccuracy:F1}  value acc {ValueAccuracy:F1}  value F1 {ValueF1:F1} ({ValueCorrect} values right)");

    private static double Percent(int a, int b) => b == 0 ? 0 : 100.0 * a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
