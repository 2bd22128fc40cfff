namespace Readout.Nlp.Tagging;

/// <summary>Settings of <see cref="PosTrainer"/>; the defaults built the committed model.</summary>
public sealed record PosTrainingOptions
{
    /// <summary>Passes over the training data; with a dev set, the best pass is kept.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the sentence shuffling: the same data and seed give the same model file.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>log2 of the number of feature buckets.</summary>
    public int BucketBits { get; init; } = 19;

    /// <summary>Averaged weights smaller than this are dropped from the model.</summary>
    public float PruneThreshold { get; init; } = 0.01f;

    /// <summary>A word seen at least this often …</summary>
    public int TagDictionaryMinCount { get; init; } = 20;

    /// <summary>… with at least this share of one tag is tagged from the dictionary.</summary>
    public double TagDictionaryMinShare { get; init; } = 0.97;

    /// <summary>Words seen at least this often get an ambiguity-class feature (the set of tags seen with them).</summary>
    public int AmbiguityMinCount { get; init; } = 2;

    /// <summary>Tag twice: the second pass sees the first pass's tags of the next words.</summary>
    public bool SecondPass { get; init; } = true;
}
