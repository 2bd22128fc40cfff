namespace Readout.Ingest;

/// <summary>
/// Limits and metadata overrides for <see cref="ArticleReader"/>. The overrides come from the
/// command line (<c>--id</c>, <c>--source</c>, <c>--published</c>, <c>--url</c>, <c>--title</c>) and win over
/// what the file or its <c>NAME.meta.json</c> sidecar says.
/// </summary>
public sealed record ReaderOptions
{
    /// <summary>The default <see cref="MaxBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    /// <summary>Files (or a stream) larger than this many bytes are skipped with RD0004 without being read.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Document id for single-document inputs (plain text, HTML); default: the file name without extension.</summary>
    public string? Id { get; init; }

    /// <summary>Outlet or agency. For JSON Lines and feeds it only fills items that name none.</summary>
    public string? Source { get; init; }

    /// <summary>Publication time; parse user input with <see cref="PublishedDate.TryParse"/>. For JSON Lines and feeds it only fills items that have none.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>URL of a single-document input.</summary>
    public string? Url { get; init; }

    /// <summary>Title of a single-document input.</summary>
    public string? Title { get; init; }
}
