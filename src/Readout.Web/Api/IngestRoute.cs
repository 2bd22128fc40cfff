using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Readout.Core;
using Readout.Core.Pipeline;
using Readout.Ingest;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>
/// <c>POST /api/v1/articles</c>: codes and stores articles with the standard pipeline. The body is
/// one JSON article <c>{"id","url","title","source","published","text"}</c>, a JSON array of them,
/// or JSON Lines (<c>application/x-ndjson</c>); each article goes through the same reader checks as
/// <c>readout ingest</c>. Requires the server's bearer token.
/// </summary>
internal static class IngestRoute
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/articles", Ingest).WithName("IngestArticles")
            .WithSummary("Code and store one article or a batch; requires Authorization: Bearer <token>")
            .WithDescription("Body: application/json with one article {id, url, title, source, published, text} or an array of up to 100, "
                + "or application/x-ndjson with one article per line. 403 when the server has no token, 401 without the right one, 413 over the size limit.");
    }

    private static async Task<IResult> Ingest(HttpRequest request, WriteGate gate, IngestService ingest, ReadoutWebOptions options, CancellationToken ct)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new QueryErrors();
        errors.OnlyKnown(request);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        string mediaType = (request.ContentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/x-ndjson" or "application/jsonl"))
        {
            return Results.Problem("Send application/json (an article object or an array of them) or application/x-ndjson.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        byte[] body;
        using (var buffer = new MemoryStream())
        {
            // Kestrel enforces MaxRequestBodySize too; this bound also holds for other servers.
            var chunk = new byte[81920];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > options.MaxRequestBodyBytes)
                {
                    return TooLarge(options);
                }

                buffer.Write(chunk, 0, n);
            }

            body = buffer.ToArray();
        }

        if (!TryJsonLines(body, mediaType == "application/json", options.MaxBatchArticles, out var lines, out var error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid article body");
        }

        var result = await ingest.IngestAsync(lines, ct);
        return result.Stored + result.Replaced + result.Unchanged == 0
            ? Results.UnprocessableEntity(result)
            : Results.Ok(result);
    }

    public static IResult TooLarge(ReadoutWebOptions options) => Results.Problem(
        $"The request body is larger than {options.MaxRequestBodyBytes} bytes; send fewer articles per request.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    /// <summary>Normalizes the body to JSON Lines, one article object per line.</summary>
    private static bool TryJsonLines(byte[] body, bool json, int maxArticles, out byte[] lines, out string? error)
    {
        lines = [];
        error = null;
        var objects = new List<string>();
        try
        {
            if (json)
            {
                using var doc = JsonDocument.Parse(body);
                var items = doc.RootElement.ValueKind switch
                {
                    JsonValueKind.Object => [doc.RootElement],
                    JsonValueKind.Array => doc.RootElement.EnumerateArray().ToList(),
                    _ => null,
                };
                if (items is null || items.Any(i => i.ValueKind != JsonValueKind.Object))
                {
                    error = "The body must be an article object or an array of article objects.";
                    return false;
                }

                objects.AddRange(items.Select(i => i.GetRawText().ReplaceLineEndings(" ")));
            }
            else
            {
                foreach (var line in Encoding.UTF8.GetString(body).Split('\n'))
                {
                    if (line.Trim().Length > 0)
                    {
                        objects.Add(line.TrimEnd('\r'));
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            error = "The body is not valid JSON: " + ex.Message;
            return false;
        }

        if (objects.Count == 0)
        {
            error = "The body holds no article.";
            return false;
        }

        if (objects.Count > maxArticles)
        {
            error = $"The body holds {objects.Count} articles; the limit per request is {maxArticles}.";
            return false;
        }

        lines = Encoding.UTF8.GetBytes(string.Join('\n', objects) + "\n");
        return true;
    }
}

/// <summary>Reads, codes and stores posted articles; one pipeline, built once, shared by all requests.</summary>
internal sealed class IngestService(IEventStore store, AggregateCache cache, Lazy<Pipeline> pipeline)
{
    public Task WarmUpAsync() => Task.Run(() => _ = pipeline.Value);

    public async Task<IngestResult> IngestAsync(byte[] jsonLines, CancellationToken ct)
    {
        var reader = new ArticleReader(new ReaderOptions());
        var items = new List<IngestItemDto>();
        int stored = 0, replaced = 0, unchanged = 0, skipped = 0;
        using var input = new MemoryStream(jsonLines, writable: false);
        await foreach (var read in reader.ReadStreamAsync(input, "request", ct))
        {
            if (read.Document is not { } doc)
            {
                skipped++;
                items.Add(new IngestItemDto(read.Origin, "skipped", null, null, read.Diagnostic?.Code, read.Diagnostic?.Message));
                continue;
            }

            bool ok = await Task.Run(() => pipeline.Value.Process(doc), ct);
            if (!ok)
            {
                var failure = doc.Diagnostics.LastOrDefault(d => d.Severity == Severity.Error);
                skipped++;
                items.Add(new IngestItemDto(doc.Metadata.Origin ?? doc.Id, "skipped", null, null, failure?.Code ?? "RD0100", failure?.Message ?? "processing failed"));
                continue;
            }

            var outcome = await store.StoreAsync(doc, ct);
            switch (outcome.Status)
            {
                case StoreStatus.Stored: stored++; break;
                case StoreStatus.Replaced: replaced++; break;
                default: unchanged++; break;
            }

            items.Add(new IngestItemDto(doc.Metadata.Origin ?? doc.Id, outcome.Status.ToString().ToLowerInvariant(), outcome.ArticleId, outcome.EventCount, null, null));
        }

        if (stored + replaced > 0)
        {
            cache.Clear();
        }

        return new IngestResult(stored, replaced, unchanged, skipped, items);
    }
}
