using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>
/// Filters for <see cref="IEventStore.QueryEventsAsync"/>; every filter set must hold. Results are
/// ordered by <see cref="StoredEvent.DateStart"/> (undated last), then id, so a page is continued
/// by passing the last event's id as <see cref="AfterId"/>.
/// </summary>
public sealed record EventQuery
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    /// <summary>ISO 3166-1 alpha-3 of the source or the target actor.</summary>
    public string? Country { get; init; }

    /// <summary>Source and target countries, in either direction.</summary>
    public CountryPair? Dyad { get; init; }

    /// <summary>Substring of the source or target actor's canonical name, case-insensitive.</summary>
    public string? Actor { get; init; }

    public EventType? Type { get; init; }

    /// <summary>
    /// Inclusive bounds on the first day of the event's date: an event dated "2016-12" (month
    /// precision) counts as 2016-12-01, a week as its Monday, a year as 1 January. Events without
    /// a calendar date are excluded when either bound is set.
    /// </summary>
    public DateOnly? From { get; init; }

    /// <inheritdoc cref="From"/>
    public DateOnly? To { get; init; }

    public Modality? Modality { get; init; }

    /// <summary>Full-text match on the evidence sentences (same syntax as
    /// <see cref="IEventStore.SearchArticlesAsync"/>).</summary>
    public string? Text { get; init; }

    /// <summary>Full-text match on the title and text of the event's article.</summary>
    public string? ArticleText { get; init; }

    /// <summary>Only events of this article.</summary>
    public long? ArticleId { get; init; }

    /// <summary>1 to <see cref="MaxLimit"/>; larger values are clamped.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Continue after this event (the last one of the previous page).</summary>
    public long? AfterId { get; init; }
}
