namespace Readout.Ingest;

/// <summary>Stable diagnostic codes of the readers, for scripts and summaries.</summary>
public static class IngestCodes
{
    /// <summary>The diagnostics' <see cref="Readout.Core.Diagnostic.Stage"/>.</summary>
    public const string Stage = "ingest";

    /// <summary>Empty or whitespace-only file, line or item.</summary>
    public const string Empty = "RD0001";

    /// <summary>Binary content: NUL bytes or a high ratio of control characters.</summary>
    public const string Binary = "RD0002";

    /// <summary>Not valid UTF-8 (and no UTF-16 byte order mark).</summary>
    public const string InvalidEncoding = "RD0003";

    /// <summary>Larger than <see cref="ReaderOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "RD0004";

    /// <summary>A JSON Lines line that is not a JSON object with a string <c>text</c>.</summary>
    public const string MalformedJsonLine = "RD0005";

    /// <summary>An HTML page in which no article text was found.</summary>
    public const string NoArticleText = "RD0006";

    /// <summary>An RSS/Atom feed with no items.</summary>
    public const string FeedWithoutItems = "RD0007";

    /// <summary>The file could not be read (permissions, broken link, I/O error).</summary>
    public const string Unreadable = "RD0008";

    /// <summary>The path given does not exist.</summary>
    public const string PathNotFound = "RD0009";

    /// <summary>A publication date that cannot be parsed (a warning on a document that is still read).</summary>
    public const string BadDate = "RD0010";

    /// <summary>XML that is not an RSS or Atom feed.</summary>
    public const string MalformedFeed = "RD0011";

    /// <summary>A <c>NAME.meta.json</c> sidecar that is not a JSON object (a warning; the article is still read).</summary>
    public const string MalformedSidecar = "RD0012";
}
