namespace Readout.Core.Pipeline;

/// <summary>Collects stages in order; <see cref="Build"/> checks that every stage's inputs are produced earlier.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public PipelineBuilder Add(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Replaces the stage that produces the same first layer (used to swap a first version for a trained one).</summary>
    public PipelineBuilder Replace(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        int i = _stages.FindIndex(s => s.Produces.Count > 0 && stage.Produces.Count > 0 && s.Produces[0] == stage.Produces[0]);
        if (i < 0)
        {
            throw new InvalidOperationException($"No stage produces '{(stage.Produces.Count > 0 ? stage.Produces[0] : null)}' to be replaced by '{stage.Name}'.");
        }

        _stages[i] = stage;
        return this;
    }

    /// <exception cref="InvalidOperationException">A stage requires a layer no earlier stage produces, or two stages produce the same layer.</exception>
    public Pipeline Build()
    {
        var produced = new HashSet<LayerKey>();
        foreach (var stage in _stages)
        {
            foreach (var need in stage.Requires)
            {
                if (!produced.Contains(need))
                {
                    throw new InvalidOperationException($"Stage '{stage.Name}' requires layer '{need}', which no earlier stage produces.");
                }
            }

            foreach (var made in stage.Produces)
            {
                if (!produced.Add(made))
                {
                    throw new InvalidOperationException($"Layer '{made}' is produced twice (again by '{stage.Name}').");
                }
            }
        }

        return new Pipeline([.. _stages]);
    }
}
