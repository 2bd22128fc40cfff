using System.Text.Json;
using Readout.Core;

namespace Readout.Ingest;

/// <summary>
/// One article per line: <c>{"id","url","title","source","published","text"}</c> (also <c>byline</c>).
/// Blank lines are ignored; a bad line is skipped with its line number and the rest go on.
/// </summary>
internal static class JsonLinesFormat
{
    public static IEnumerable<ReadResult> Read(string text, string origin, string stem, ReaderOptions options)
    {
        int lineNumber = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            var line = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            yield return ReadLine(line.ToString(), $"{origin}#line {lineNumber}", $"{stem}-{lineNumber}", options);
        }
    }

    private static ReadResult ReadLine(string line, string origin, string defaultId, ReaderOptions options)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return ReadResult.Skip(origin, IngestCodes.MalformedJsonLine, $"{origin}: not valid JSON ({ex.Message})");
        }

        using (json)
        {
            var o = json.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Skip(origin, IngestCodes.MalformedJsonLine, $"{origin}: a JSON {o.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            if (!o.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return ReadResult.Skip(origin, IngestCodes.MalformedJsonLine, $"{origin}: no string field \"text\"");
            }

            string articleText = textElement.GetString()!;
            if (string.IsNullOrWhiteSpace(articleText))
            {
                return ReadResult.Skip(origin, IngestCodes.Empty, $"{origin}: field \"text\" is empty");
            }

            var warnings = new List<Diagnostic>();
            var metadata = new DocumentMetadata
            {
                Origin = origin,
                Source = JsonFields.Clean(JsonFields.Get(o, "source")) ?? options.Source,
                Url = JsonFields.Clean(JsonFields.Get(o, "url")),
                Title = JsonFields.Clean(JsonFields.Get(o, "title")),
                Byline = JsonFields.Clean(JsonFields.Get(o, "byline")),
                Published = DocumentFactory.ParseDate(JsonFields.Clean(JsonFields.Get(o, "published")), origin, warnings) ?? options.Published,
            };
            return ReadResult.Read(DocumentFactory.Create(JsonFields.Clean(JsonFields.Get(o, "id")) ?? defaultId, articleText, metadata, warnings));
        }
    }
}
