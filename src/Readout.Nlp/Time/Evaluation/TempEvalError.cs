namespace Readout.Nlp.Time.Evaluation;

/// <summary>One disagreement with the gold: a missed or spurious expression, or a matched one
/// with another extent, type or value. For error analysis; holds short excerpts of the corpus text.</summary>
/// <param name="Kind">"missed", "spurious", "extent", "type" or "value".</param>
/// <param name="Context">The text around the expression on one line, for reading the error.</param>
public sealed record TempEvalError(string Document, string Split, string Kind, string? GoldText, string? GoldValue, string? SystemText, string? SystemValue, string Context = "")
{
    public override string ToString() => $"{Document} [{Split}] {Kind}: gold '{GoldText}' {GoldValue} | system '{SystemText}' {SystemValue}";
}
