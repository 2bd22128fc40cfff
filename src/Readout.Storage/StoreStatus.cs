namespace Readout.Storage;

/// <summary>What <see cref="IEventStore.StoreAsync"/> did with an article.</summary>
public enum StoreStatus
{
    /// <summary>A new article was written.</summary>
    Stored,

    /// <summary>The same content was already stored by the same pipeline version; nothing was written.</summary>
    Unchanged,

    /// <summary>The article was stored before with other content or another pipeline version; its
    /// rows were replaced in the same transaction. The article id is kept; event ids are new.</summary>
    Replaced,
}
