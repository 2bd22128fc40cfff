using Readout.Core;

namespace Readout.Ingest;

/// <summary>One article per file; the text is kept exactly as decoded.</summary>
internal static class PlainTextFormat
{
    public static ReadResult Read(string text, string origin, string stem, ReaderOptions options, Sidecar? sidecar, List<Diagnostic> warnings)
    {
        var metadata = new DocumentMetadata
        {
            Origin = origin,
            Source = options.Source ?? sidecar?.Source,
            Url = options.Url ?? sidecar?.Url,
            Title = options.Title ?? sidecar?.Title,
            Byline = sidecar?.Byline,
            Published = options.Published ?? DocumentFactory.ParseDate(sidecar?.Published, Sidecar.PathFor(origin), warnings),
        };
        return ReadResult.Read(DocumentFactory.Create(options.Id ?? sidecar?.Id ?? stem, text, metadata, warnings));
    }
}
