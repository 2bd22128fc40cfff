using Readout.Core;

namespace Readout.Ingest;

/// <summary>Builds documents and warnings the same way for every format.</summary>
internal static class DocumentFactory
{
    public static Diagnostic Warning(string code, string message) => new(code, Severity.Warning, IngestCodes.Stage, message);

    /// <summary>
    /// Parses <paramref name="published"/>; on failure returns null and adds an RD0010 warning
    /// naming <paramref name="origin"/> to <paramref name="warnings"/>.
    /// </summary>
    public static DateTimeOffset? ParseDate(string? published, string origin, List<Diagnostic> warnings)
    {
        if (published is null)
        {
            return null;
        }

        if (PublishedDate.TryParse(published, out var value))
        {
            return value;
        }

        warnings.Add(Warning(IngestCodes.BadDate, $"{origin}: publication date '{Shorten(published)}' is not an ISO 8601 or RFC 1123 date; ignored"));
        return null;
    }

    public static Document Create(string id, string text, DocumentMetadata metadata, List<Diagnostic> warnings)
    {
        var document = new Document(id, text, metadata);
        foreach (var w in warnings)
        {
            document.Report(w);
        }

        return document;
    }

    /// <summary>A value quoted in a message: at most 40 characters, so no article text leaks into logs.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
