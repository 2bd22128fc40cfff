namespace Readout.Storage;

/// <summary>The metadata of an article shown beside its events and search hits.</summary>
public sealed record ArticleInfo(string? Title, string? Source, string? Url, DateTimeOffset? Published);
