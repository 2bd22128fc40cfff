namespace Readout.Storage;

/// <summary>Options shared by the store implementations.</summary>
public sealed record EventStoreOptions
{
    /// <summary>Open for reading only: nothing is created or migrated, and writes are refused.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Identifies the pipeline that coded the stored documents ("readout 0.3 lexicon 12"). An article
    /// stored by another pipeline version is replaced even when its text is unchanged.
    /// </summary>
    public string PipelineVersion { get; init; } = "";

    /// <summary>How long a write waits for a lock held by another process before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
