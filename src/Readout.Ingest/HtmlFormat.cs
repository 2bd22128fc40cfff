using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Readout.Core;

namespace Readout.Ingest;

/// <summary>
/// A web page: the main text is extracted with SmartReader; title, site name, author and
/// publication time come from the page's metadata (Open Graph / article:*, JSON-LD, &lt;time&gt;).
/// </summary>
internal static class HtmlFormat
{
    private static readonly string[] DateMetas =
    [
        "meta[property='article:published_time']",
        "meta[property='og:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='article:published_time']",
        "meta[name='date']",
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='dc.date']",
        "meta[name='DC.date.issued']",
    ];

    public static ReadResult Read(string html, string origin, string stem, ReaderOptions options, Sidecar? sidecar, List<Diagnostic> warnings)
    {
        var page = new HtmlParser().ParseDocument(html);

        // Metadata first: SmartReader rewrites the DOM it is given.
        string? title = Meta(page, "meta[property='og:title']") ?? JsonFields.Clean(page.Title);
        string? site = Meta(page, "meta[property='og:site_name']") ?? Meta(page, "meta[name='application-name']");
        string? url = JsonFields.Clean(page.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) ?? Meta(page, "meta[property='og:url']");
        string? author = Meta(page, "meta[name='author']") ?? Meta(page, "meta[property='article:author']");
        string? published = PageDate(page);

        string baseUri = options.Url ?? url ?? sidecar?.Url ?? new Uri(Path.GetFullPath(origin)).AbsoluteUri;
        SmartReader.Article article;
        try
        {
            article = new SmartReader.Reader(baseUri, page).GetArticle();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ReadResult.Skip(origin, IngestCodes.NoArticleText, $"{origin}: main-text extraction failed ({ex.GetType().Name})");
        }

        string text = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content) ? HtmlText.FromFragment(article.Content) : string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Skip(origin, IngestCodes.NoArticleText, $"{origin}: no article text found in the HTML page");
        }

        var metadata = new DocumentMetadata
        {
            Origin = origin,
            Source = options.Source ?? sidecar?.Source ?? site ?? JsonFields.Clean(article.SiteName),
            Url = options.Url ?? url ?? sidecar?.Url,
            Title = options.Title ?? sidecar?.Title ?? title ?? JsonFields.Clean(article.Title),
            Byline = sidecar?.Byline ?? author ?? JsonFields.Clean(article.Byline) ?? JsonFields.Clean(article.Author),
            Published = options.Published
                ?? DocumentFactory.ParseDate(sidecar?.Published ?? published, origin, warnings)
                ?? (article.PublicationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null),
        };
        return ReadResult.Read(DocumentFactory.Create(options.Id ?? sidecar?.Id ?? stem, text, metadata, warnings));
    }

    private static string? Meta(IHtmlDocument page, string selector) =>
        JsonFields.Clean(page.QuerySelector(selector)?.GetAttribute("content"));

    /// <summary>The page's publication time as written: meta tags, then JSON-LD, then &lt;time&gt;.</summary>
    private static string? PageDate(IHtmlDocument page)
    {
        foreach (var selector in DateMetas)
        {
            if (Meta(page, selector) is { } value)
            {
                return value;
            }
        }

        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                if (FindProperty(json.RootElement, "datePublished", depth: 0) is { } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common on real pages; the other sources still count.
            }
        }

        var time = page.QuerySelector("time[itemprop='datePublished'][datetime], time[pubdate][datetime]") ?? page.QuerySelector("time[datetime]");
        return JsonFields.Clean(time?.GetAttribute("datetime"));
    }

    private static string? FindProperty(JsonElement element, string name, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String)
                {
                    return JsonFields.Clean(p.GetString());
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindProperty(property.Value, name, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindProperty(item, name, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
