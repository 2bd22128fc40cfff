namespace Readout.Core.Pipeline;

/// <summary>
/// One step of the pipeline. A stage is synchronous, CPU-bound, and thread-safe: one
/// instance processes many documents concurrently, each document on one thread.
/// </summary>
public interface IStage
{
    /// <summary>Short name used in diagnostics and explanations ("tokenizer").</summary>
    string Name { get; }

    /// <summary>Layers that must exist before <see cref="Process"/> runs.</summary>
    IReadOnlyList<LayerKey> Requires { get; }

    /// <summary>Layers this stage sets.</summary>
    IReadOnlyList<LayerKey> Produces { get; }

    void Process(Document document);
}
