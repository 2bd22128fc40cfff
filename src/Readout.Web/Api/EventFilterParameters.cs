using Microsoft.AspNetCore.Mvc;

namespace Readout.Web.Api;

/// <summary>
/// Event filters as query parameters (bound as strings, validated by <see cref="QueryErrors"/>).
/// Every filter given must hold.
/// </summary>
public sealed class EventFilterParameters
{
    public static readonly string[] Names = ["country", "dyad", "actor", "type", "modality", "from", "to", "q"];

    /// <summary>ISO 3166-1 alpha-3 of the source or the target, e.g. JPN.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    /// <summary>Two countries in either direction, e.g. JPN,RUS.</summary>
    [FromQuery(Name = "dyad")]
    public string? Dyad { get; init; }

    /// <summary>Substring of the source or target actor's canonical name.</summary>
    [FromQuery(Name = "actor")]
    public string? Actor { get; init; }

    /// <summary>PLOVER type: agree, consult, support, concede, cooperate, aid, retreat, request, accuse, reject, threaten, protest, sanction, mobilize, coerce, assault.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>asserted, planned, intended, hypothetical or negated.</summary>
    [FromQuery(Name = "modality")]
    public string? Modality { get; init; }

    /// <summary>Earliest first day of the event date, yyyy-MM-dd.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Latest first day of the event date, yyyy-MM-dd.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>Full-text query on the evidence sentences: words, "phrases", prefix*, OR.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}
