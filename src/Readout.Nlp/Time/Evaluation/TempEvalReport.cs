namespace Readout.Nlp.Time.Evaluation;

/// <summary>The result of <see cref="TempEvalScorer"/>: figures per corpus and split, and the errors.</summary>
public sealed class TempEvalReport(IReadOnlyList<TempEvalFigures> figures, IReadOnlyList<TempEvalError> errors)
{
    /// <summary>For each corpus: "all", "dev", "held-out"; then the corpora together as corpus "overall".</summary>
    public IReadOnlyList<TempEvalFigures> Figures { get; } = figures;

    public IReadOnlyList<TempEvalError> Errors { get; } = errors;

    /// <summary>The figures of one corpus ("TimeBank", "AQUAINT", "overall") and split ("all", "dev", "held-out").</summary>
    public TempEvalFigures Get(string corpus, string split = "all") =>
        Figures.FirstOrDefault(f => f.Corpus == corpus && f.Split == split)
        ?? throw new KeyNotFoundException($"No figures for {corpus}/{split}.");

    public override string ToString() => string.Join(Environment.NewLine, Figures);
}
