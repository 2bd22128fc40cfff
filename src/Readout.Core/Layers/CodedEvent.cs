namespace Readout.Core.Layers;

/// <summary>
/// An event coded from one sentence (or merged from several mentions in one article).
/// </summary>
public sealed record CodedEvent
{
    /// <summary>Stable within the document: <c>e1</c>, <c>e2</c> … in text order.</summary>
    public required string Id { get; init; }

    public required EventType Type { get; init; }

    /// <summary>PLOVER mode ("visit", "phone", "treaty") or null.</summary>
    public string? Mode { get; init; }

    /// <summary>PLOVER context ("economic", "diplomatic", "military") or null.</summary>
    public string? Context { get; init; }

    /// <summary>CAMEO code of this reading ("042").</summary>
    public required string Cameo { get; init; }

    public EventArgument? Source { get; init; }

    public EventArgument? Target { get; init; }

    /// <summary>TIMEX3-style date value ("2016-10-02", "2016-12"), or null when unknown.</summary>
    public string? Date { get; init; }

    public DatePrecision DatePrecision { get; init; }

    /// <summary>"text" when taken from a time expression, "publication" when defaulted to the publication date.</summary>
    public string? DateSource { get; init; }

    public EventLocation? Location { get; init; }

    public required Modality Modality { get; init; }

    /// <summary>Who reports the event ("…, the Foreign Ministry said").</summary>
    public EventArgument? Attribution { get; init; }

    public required int Sentence { get; init; }

    /// <summary>The evidence: the clause or sentence span the event was read from.</summary>
    public required TextSpan Evidence { get; init; }

    /// <summary>The predicate words (verb or event noun).</summary>
    public required TextSpan Trigger { get; init; }

    /// <summary>The lexicon entry and frame that produced the event, e.g. <c>lexicon:meet/subj-obj</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>0..1.</summary>
    public double Confidence { get; init; }

    /// <summary>Further evidence spans for the same event in the same article.</summary>
    public IReadOnlyList<TextSpan> MoreEvidence { get; init; } = [];
}
