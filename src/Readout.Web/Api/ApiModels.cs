// The JSON shapes of the API (snake_case on the wire). Offsets are UTF-16 code units into the
// article text; every "end" is exclusive.
#pragma warning disable SA1649, CA1711
namespace Readout.Web.Api;

internal sealed record SpanDto(int Start, int End);

internal sealed record ArgumentDto(string Text, int Start, int End, string Name, string? Country, string? Sector, string? Role);

internal sealed record LocationDto(string Name, string? Country, double? Latitude, double? Longitude);

internal sealed record SentenceDto(int Start, int End, string Text);

internal sealed record ArticleRefDto(long Id, string? Title, string? Source, string? Url, DateTimeOffset? Published);

internal sealed record EventDto(
    long Id,
    long ArticleId,
    string EventKey,
    string Type,
    string? Mode,
    string? Context,
    string Cameo,
    ArgumentDto? Source,
    ArgumentDto? Target,
    ArgumentDto? Attribution,
    string? Date,
    string DatePrecision,
    string? DateSource,
    DateOnly? DateStart,
    DateOnly? DateEnd,
    LocationDto? Location,
    string Modality,
    double Confidence,
    string Rule,
    double CooperationWeight,
    SpanDto Evidence,
    SpanDto Trigger,
    IReadOnlyList<SpanDto> MoreEvidence,
    SentenceDto Sentence,
    ArticleRefDto Article,
    IReadOnlyList<string>? Explanation);

internal sealed record EventPage(IReadOnlyList<EventDto> Items, string? NextCursor);

internal sealed record EvidenceDto(int Ordinal, int Start, int End, string Text);

internal sealed record EventDetailDto(EventDto Event, IReadOnlyList<EvidenceDto> Evidence);

internal sealed record EntityDto(int Start, int End, string Kind, string Text, string? ActorName, string? ActorCountry, string? ActorSector, string? ActorRole);

internal sealed record RegionDto(int Start, int End, string Kind);

internal sealed record ArticleDto(
    long Id,
    string DocumentId,
    string? Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Byline,
    string? Dateline,
    string Language,
    string Text,
    IReadOnlyList<SpanDto> Sentences,
    IReadOnlyList<EntityDto> Entities,
    IReadOnlyList<RegionDto> ExcludedRegions,
    IReadOnlyList<EventDto> Events);

internal sealed record ActorDto(string Name, string? Country, string? Sector, int Events, DateOnly? FirstDate, DateOnly? LastDate);

internal sealed record ActorList(IReadOnlyList<ActorDto> Items);

internal sealed record TimelinePeriod(DateOnly Start, IReadOnlyDictionary<string, int> Counts, int Total, double Score);

internal sealed record TimelineDto(IReadOnlyList<string> Dyad, string Bucket, IReadOnlyList<string> Types, int Total, double Score, IReadOnlyList<TimelinePeriod> Periods);

internal sealed record PlaceDto(string Name, string? Country, double Latitude, double Longitude, int Events);

internal sealed record PlaceList(IReadOnlyList<PlaceDto> Items);

internal sealed record NodeDto(string Id, string Label, string? Country, int Events);

internal sealed record EdgeDto(string Source, string Target, int Events, int Cooperation, int Conflict, double Score);

internal sealed record NetworkDto(string Level, IReadOnlyList<NodeDto> Nodes, IReadOnlyList<EdgeDto> Edges);

internal sealed record CountryDto(string Code, int Events);

internal sealed record DyadDto(string First, string Second, int Events, double Score);

internal sealed record CountryList(IReadOnlyList<CountryDto> Countries, IReadOnlyList<DyadDto> Dyads);

internal sealed record SearchHitDto(long ArticleId, ArticleRefDto Article, string Snippet, IReadOnlyList<SpanDto> Highlights, double Rank);

internal sealed record SearchResult(string Query, IReadOnlyList<SearchHitDto> Items);

internal sealed record StatsDto(long Articles, long Events, DateOnly? FirstEventDate, DateOnly? LastEventDate, bool Ingestion, int SchemaVersion);

internal sealed record IngestItemDto(string Origin, string Status, long? ArticleId, int? Events, string? Code, string? Reason);

internal sealed record IngestResult(int Stored, int Replaced, int Unchanged, int Skipped, IReadOnlyList<IngestItemDto> Articles);
