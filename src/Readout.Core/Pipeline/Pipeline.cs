namespace Readout.Core.Pipeline;

/// <summary>An immutable, thread-safe sequence of stages; build it once and reuse it.</summary>
public sealed class Pipeline
{
    private readonly IStage[] _stages;

    internal Pipeline(IStage[] stages) => _stages = stages;

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>
    /// Runs every stage on <paramref name="document"/>. An unexpected exception in a stage is
    /// caught here, once per document, recorded as an error diagnostic, and ends processing
    /// of that document only.
    /// </summary>
    /// <returns>True when every stage ran.</returns>
    public bool Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in _stages)
        {
            try
            {
                stage.Process(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                document.Report(new Diagnostic("RD0100", Severity.Error, stage.Name, $"{ex.GetType().Name}: {ex.Message}"));
                return false;
            }
        }

        return true;
    }
}
