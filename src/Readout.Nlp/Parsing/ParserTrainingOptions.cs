namespace Readout.Nlp.Parsing;

/// <summary>Settings of <see cref="ParserTrainer"/>; the defaults built the committed model.</summary>
public sealed record ParserTrainingOptions
{
    /// <summary>
    /// Passes over the training data; with a dev set, the best pass is kept. The committed model
    /// is epoch 5: in a 10-epoch run, dev LAS peaked there and later epochs did not improve.
    /// </summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Seed of shuffling and exploration: the same data and seed give the same model file.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>log2 of the number of feature buckets.</summary>
    public int BucketBits { get; init; } = 22;

    /// <summary>Averaged weights smaller than this are dropped from the model.</summary>
    public float PruneThreshold { get; init; } = 0.05f;

    /// <summary>
    /// The chosen model is pruned again at this threshold before it is returned: a smaller file
    /// for a small accuracy cost (measured when the committed model was built).
    /// </summary>
    public float FinalPruneThreshold { get; init; } = 0.05f;

    /// <summary>From the second epoch on, the model's own prediction is followed with this probability (dynamic oracle).</summary>
    public double ExplorationProbability { get; init; } = 0.9;
}
