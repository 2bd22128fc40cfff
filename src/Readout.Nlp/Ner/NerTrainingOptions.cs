namespace Readout.Nlp.Ner;

/// <summary>Settings of <see cref="NerTrainer"/>.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 10;

    public int Seed { get; init; } = 1;

    /// <summary>Models trained (seeds <see cref="Seed"/>, +1000, +2000 …) and averaged into the one written (<see cref="NerTraining"/>).</summary>
    public int Members { get; init; } = 3;

    /// <summary>Hash buckets: 2^bits rows of 17 floats (twice, for averaging) during training.</summary>
    public int BucketBits { get; init; } = 20;

    /// <summary>Averaged weights smaller than this in magnitude are dropped from each member model.</summary>
    public float PruneThreshold { get; init; } = 0.05f;
}
