namespace Readout.Core;

/// <summary>What is known about a document besides its text. Set by the reader; the
/// boilerplate stage may fill <see cref="Byline"/> and <see cref="Dateline"/> from the text.</summary>
public sealed class DocumentMetadata
{
    /// <summary>The outlet or agency ("Kyodo", "Reuters").</summary>
    public string? Source { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    /// <summary>Publication time; relative dates are resolved against its date part.</summary>
    public DateTimeOffset? Published { get; set; }

    public string? Byline { get; set; }

    /// <summary>The dateline place ("TOKYO"), if the text has one.</summary>
    public string? Dateline { get; set; }

    public string Language { get; set; } = "en";

    /// <summary>The file or feed the document came from, for messages.</summary>
    public string? Origin { get; set; }

    /// <summary>The publication date, when known.</summary>
    public DateOnly? PublishedDate => Published is { } p ? DateOnly.FromDateTime(p.Date) : null;
}
