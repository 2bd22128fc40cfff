using Readout.Core;

namespace Readout.Storage;

/// <summary>
/// Stores processed documents and answers event queries. Implementations are thread-safe:
/// one instance serves many concurrent readers; writes are serialized and each article is
/// written in one transaction, so a failure never leaves half an article.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Stores the article, its regions, sentences, entities with actors, places, time expressions,
    /// events and evidence of <paramref name="document"/>, using whatever layers it has.
    /// The article's identity is its URL, or its source and document id when it has no URL.
    /// </summary>
    /// <returns><see cref="StoreStatus.Unchanged"/> (nothing written) when the same article with the
    /// same content hash and pipeline version is already stored; <see cref="StoreStatus.Replaced"/>
    /// when its text, metadata or pipeline version changed.</returns>
    /// <exception cref="ArgumentException">A layer holds a span outside the text or a dangling index.</exception>
    /// <exception cref="InvalidOperationException">The store was opened read-only.</exception>
    Task<StoreOutcome> StoreAsync(Document document, CancellationToken cancellationToken = default);

    /// <summary>Events matching every filter set in <paramref name="query"/>, ordered by date start
    /// (undated events last), then id.</summary>
    Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The article with its full text, metadata and annotation layers, or null.</summary>
    Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over article titles and texts, best match first.</summary>
    /// <param name="query">Words, "quoted phrases", <c>word*</c> prefixes and <c>OR</c>; any other
    /// punctuation is treated as text, so a user query never causes a syntax error.</param>
    /// <param name="limit">1 to <see cref="EventQuery.MaxLimit"/>.</param>
    /// <exception cref="ArgumentException">The query has no searchable words.</exception>
    Task<IReadOnlyList<ArticleHit>> SearchArticlesAsync(string query, int limit = 20, CancellationToken cancellationToken = default);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever anything (this instance, another connection or another process)
    /// commits a change to the store, so answers cached under one stamp are known to be current while
    /// it stays the same. Stamps are only comparable between calls on the same instance.
    /// </summary>
    ValueTask<long> GetChangeStampAsync(CancellationToken cancellationToken = default);

    /// <summary>Events matching <paramref name="filter"/> (its limit and cursor are ignored) counted per
    /// period of their date start and per type; undated events are left out. Ordered by period, then type.</summary>
    Task<IReadOnlyList<TimelineCount>> GetTimelineAsync(EventQuery filter, TimelineBucket bucket, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} has no timelines.");

    /// <summary>Actors that are the source or target of at least one event, most events first.</summary>
    /// <param name="nameContains">Case-insensitive substring of the canonical name, or null for all.</param>
    /// <param name="country">ISO 3166-1 alpha-3, or null for all.</param>
    /// <param name="limit">1 to <see cref="EventQuery.MaxLimit"/>.</param>
    Task<IReadOnlyList<ActorSummary>> GetActorsAsync(string? nameContains, string? country, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} has no actor list.");

    /// <summary>Locations with coordinates of the events matching <paramref name="filter"/>, most events first.</summary>
    Task<IReadOnlyList<PlaceCount>> GetPlacesAsync(EventQuery filter, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} has no place counts.");

    /// <summary>Events matching <paramref name="filter"/> that have both a source and a target node,
    /// counted per (source, target, type); largest counts first.</summary>
    Task<IReadOnlyList<InteractionCount>> GetInteractionsAsync(EventQuery filter, NetworkLevel level, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} has no interaction counts.");
}
