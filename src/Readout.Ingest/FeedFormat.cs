using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Readout.Core;

namespace Readout.Ingest;

/// <summary>
/// RSS 0.9x/1.0/2.0 and Atom feeds: each item becomes a document whose text is the item's
/// content or description (whichever is longer) with HTML removed.
/// </summary>
internal static class FeedFormat
{
    public static IEnumerable<ReadResult> Read(string xml, string origin, string stem, ReaderOptions options)
    {
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(xml);
        }
        catch (Exception ex)
        {
            // FeedReader throws XmlException for bad XML and its own exception for an unknown root.
            return [ReadResult.Skip(origin, IngestCodes.MalformedFeed, $"{origin}: not an RSS or Atom feed ({ex.GetType().Name}: {ex.Message})")];
        }

        if (feed.Items is not { Count: > 0 })
        {
            return [ReadResult.Skip(origin, IngestCodes.FeedWithoutItems, $"{origin}: feed has no items")];
        }

        var results = new List<ReadResult>(feed.Items.Count);
        int n = 0;
        foreach (var item in feed.Items)
        {
            n++;
            results.Add(ReadItem(feed, item, $"{origin}#item {n}", $"{stem}-{n}", options));
        }

        return results;
    }

    private static ReadResult ReadItem(Feed feed, FeedItem item, string origin, string defaultId, ReaderOptions options)
    {
        string content = string.IsNullOrWhiteSpace(item.Content) ? string.Empty : HtmlText.FromFragment(item.Content);
        string description = string.IsNullOrWhiteSpace(item.Description) ? string.Empty : HtmlText.FromFragment(item.Description);
        string text = content.Length >= description.Length ? content : description;
        if (text.Length == 0)
        {
            return ReadResult.Skip(origin, IngestCodes.Empty, $"{origin}: item has no description or content text");
        }

        var warnings = new List<Diagnostic>();
        var metadata = new DocumentMetadata
        {
            Origin = origin,
            Source = options.Source ?? (item.SpecificItem as Rss20FeedItem)?.DC?.Publisher ?? JsonFields.Clean(feed.Title),
            Url = JsonFields.Clean(item.Link),
            Title = JsonFields.Clean(item.Title),
            Byline = JsonFields.Clean((item.SpecificItem as Rss20FeedItem)?.DC?.Creator)
                ?? JsonFields.Clean((item.SpecificItem as AtomFeedItem)?.Author?.Name)
                ?? JsonFields.Clean(item.Author),
            Published = ItemDate(item, origin, warnings) ?? options.Published,
        };
        string id = JsonFields.Clean(item.Id) ?? JsonFields.Clean(item.Link) ?? defaultId;
        return ReadResult.Read(DocumentFactory.Create(id, text, metadata, warnings));
    }

    /// <summary>
    /// The item's publication time: our parser on the original string keeps the time zone
    /// (FeedReader's DateTime drops it); Atom entries with only &lt;updated&gt; use that.
    /// </summary>
    private static DateTimeOffset? ItemDate(FeedItem item, string origin, List<Diagnostic> warnings)
    {
        string? raw = JsonFields.Clean(item.PublishingDateString);
        if (raw is null && item.SpecificItem is AtomFeedItem atom)
        {
            raw = JsonFields.Clean(atom.UpdatedDateString);
        }

        if (raw is null)
        {
            return null;
        }

        if (PublishedDate.TryParse(raw, out var parsed))
        {
            return parsed;
        }

        DateTime? fallback = item.PublishingDate ?? (item.SpecificItem as AtomFeedItem)?.UpdatedDate;
        if (fallback is { } d)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc));
        }

        return DocumentFactory.ParseDate(raw, origin, warnings);
    }
}
