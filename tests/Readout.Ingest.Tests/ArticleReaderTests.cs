using System.Text;
using Readout.Core;

namespace Readout.Ingest.Tests;

public sealed class ArticleReaderTests : IDisposable
{
    private const string Story = "Officials from Chile and Peru met in Lima on Tuesday to discuss fishing quotas, the ministry said.";

    private readonly TempFolder _dir = new();
    private readonly ArticleReader _reader = new(new ReaderOptions());

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadAsync_TextWithSidecar_FillsMetadataFromSidecar()
    {
        string path = _dir.File("lima-talks.txt", Story);
        _dir.File("lima-talks.meta.json", """{"source":"Andes Wire","published":"2024-03-05","url":"https://example.org/lima","title":"Chile, Peru talk fish"}""");

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal("lima-talks", doc.Id);
        Assert.Equal(Story, doc.Text);
        Assert.Equal("Andes Wire", doc.Metadata.Source);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("https://example.org/lima", doc.Metadata.Url);
        Assert.Equal("Chile, Peru talk fish", doc.Metadata.Title);
        Assert.Equal(path, doc.Metadata.Origin);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_TextWithOptions_OptionsOverrideSidecar()
    {
        string path = _dir.File("a.txt", Story);
        _dir.File("a.meta.json", """{"source":"Sidecar Wire","title":"Sidecar title"}""");
        var reader = new ArticleReader(new ReaderOptions { Id = "given", Source = "Option Wire", Published = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero) });

        var doc = Reading.Single(await Reading.AllAsync(reader, path)).Document!;

        Assert.Equal("given", doc.Id);
        Assert.Equal("Option Wire", doc.Metadata.Source);
        Assert.Equal("Sidecar title", doc.Metadata.Title);
        Assert.Equal(new DateOnly(2020, 1, 2), doc.Metadata.PublishedDate);
    }

    [Fact]
    public async Task ReadAsync_SidecarWithBadDate_ReadsDocumentWithWarning()
    {
        string path = _dir.File("a.txt", Story);
        _dir.File("a.meta.json", """{"published":"last Tuesday"}""");

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Null(doc.Metadata.Published);
        var warning = Assert.Single(doc.Diagnostics);
        Assert.Equal(IngestCodes.BadDate, warning.Code);
        Assert.Contains("a.meta.json", warning.Message);
    }

    [Fact]
    public async Task ReadAsync_MalformedSidecar_ReadsDocumentWithWarning()
    {
        string path = _dir.File("a.txt", Story);
        _dir.File("a.meta.json", "{ source: ");

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal(Story, doc.Text);
        Assert.Equal(IngestCodes.MalformedSidecar, Assert.Single(doc.Diagnostics).Code);
    }

    [Fact]
    public async Task ReadAsync_HtmlPage_ExtractsMainTextAndMetadata()
    {
        string path = _dir.File("page.html", Page(
            """
            <meta property="og:title" content="Chile and Peru agree on quotas">
            <meta property="og:site_name" content="Andes Wire">
            <meta property="article:published_time" content="2024-03-05T08:00:00-03:00">
            <link rel="canonical" href="https://example.org/quotas">
            """,
            Paragraphs()));

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal("page", doc.Id);
        Assert.Equal("Chile and Peru agree on quotas", doc.Metadata.Title);
        Assert.Equal("Andes Wire", doc.Metadata.Source);
        Assert.Equal("https://example.org/quotas", doc.Metadata.Url);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.FromHours(-3)), doc.Metadata.Published);
        Assert.Contains("Officials from Chile and Peru met in Lima", doc.Text);
        Assert.Contains("The agreement runs for three years", doc.Text);
        Assert.Contains("\n\n", doc.Text);
        Assert.DoesNotContain("Subscribe to our newsletter", doc.Text);
        Assert.DoesNotContain("<p>", doc.Text);
    }

    [Fact]
    public async Task ReadAsync_HtmlWithJsonLdDate_UsesDatePublished()
    {
        string path = _dir.File("ld.html", Page(
            """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2023-11-20T10:15:00Z"}]}</script>""",
            Paragraphs()));

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal(new DateTimeOffset(2023, 11, 20, 10, 15, 0, TimeSpan.Zero), doc.Metadata.Published);
    }

    [Fact]
    public async Task ReadAsync_HtmlWithTimeElement_UsesDatetimeAttribute()
    {
        string path = _dir.File("time.html", Page(string.Empty, "<p>Published <time datetime=\"2022-06-01\">June 1</time></p>" + Paragraphs()));

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal(new DateOnly(2022, 6, 1), doc.Metadata.PublishedDate);
    }

    [Fact]
    public async Task ReadAsync_HtmlWithoutArticle_SkipsWithNoArticleText()
    {
        string path = _dir.File("nav.html", Page(string.Empty, "<nav><a href='/a'>Home</a> <a href='/b'>World</a></nav>"));

        var result = Reading.Single(await Reading.AllAsync(_reader, path));

        Assert.False(result.IsDocument);
        Assert.Equal(IngestCodes.NoArticleText, result.Diagnostic.Code);
        Assert.Contains("nav.html", result.Diagnostic.Message);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesWithMalformedLine_ReportsLineAndReadsOthers()
    {
        string path = _dir.File("dump.jsonl", string.Join('\n',
            """{"id":"one","url":"https://example.org/1","title":"First","source":"Wire A","published":"2024-01-10","text":"Brazil and Argentina signed a trade accord on Monday."}""",
            """{"id":"two","text": "unterminated""",
            string.Empty,
            """{"title":"No id","text":"Kenya sent aid to Somalia last week.","published":"soon"}""",
            """["an","array"]""",
            """{"id":"empty","text":"   "}"""));

        var results = await Reading.AllAsync(_reader, path);

        Assert.Equal(5, results.Count);
        var first = results[0].Document!;
        Assert.Equal("one", first.Id);
        Assert.Equal("Wire A", first.Metadata.Source);
        Assert.Equal("First", first.Metadata.Title);
        Assert.Equal(new DateOnly(2024, 1, 10), first.Metadata.PublishedDate);
        Assert.Equal(path + "#line 1", first.Metadata.Origin);

        Assert.False(results[1].IsDocument);
        Assert.Equal(IngestCodes.MalformedJsonLine, results[1].Diagnostic!.Code);
        Assert.Equal(path + "#line 2", results[1].Origin);
        Assert.Contains("#line 2", results[1].Diagnostic!.Message);

        var third = results[2].Document!;
        Assert.Equal("dump-4", third.Id);
        Assert.Null(third.Metadata.Published);
        Assert.Equal(IngestCodes.BadDate, Assert.Single(third.Diagnostics).Code);

        Assert.Equal(IngestCodes.MalformedJsonLine, results[3].Diagnostic!.Code);
        Assert.Equal(IngestCodes.Empty, results[4].Diagnostic!.Code);
    }

    [Fact]
    public async Task ReadAsync_RssFeed_EachItemIsADocument()
    {
        string path = _dir.File("world.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Example World Desk</title>
                <link>https://example.org</link>
                <description>World news</description>
                <item>
                  <title>Ghana protests border closure</title>
                  <link>https://example.org/ghana</link>
                  <guid>https://example.org/ghana</guid>
                  <pubDate>Tue, 05 Mar 2024 14:00:00 +0000</pubDate>
                  <dc:creator>Ama Mensah</dc:creator>
                  <description><![CDATA[<p>Ghana lodged a protest with Togo on Monday.</p><p>The ministry said the <b>closure</b> hurt traders.</p>]]></description>
                </item>
                <item>
                  <title>Second item</title>
                  <link>https://example.org/two</link>
                  <description>Senegal will host talks next week.</description>
                </item>
              </channel>
            </rss>
            """);

        var results = await Reading.AllAsync(_reader, path);

        Assert.Equal(2, results.Count);
        var first = results[0].Document!;
        Assert.Equal("https://example.org/ghana", first.Id);
        Assert.Equal("Ghana protests border closure", first.Metadata.Title);
        Assert.Equal("https://example.org/ghana", first.Metadata.Url);
        Assert.Equal("Ama Mensah", first.Metadata.Byline);
        Assert.Equal("Example World Desk", first.Metadata.Source);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 0, 0, TimeSpan.Zero), first.Metadata.Published);
        Assert.Equal("Ghana lodged a protest with Togo on Monday.\n\nThe ministry said the closure hurt traders.", first.Text);
        Assert.Equal(path + "#item 1", first.Metadata.Origin);
        Assert.Equal("Senegal will host talks next week.", results[1].Document!.Text);
        Assert.Equal(path + "#item 2", results[1].Origin);
    }

    [Fact]
    public async Task ReadAsync_AtomEntryWithOnlyUpdated_UsesUpdatedDate()
    {
        string path = _dir.File("feed.atom", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom Desk</title>
              <id>urn:example:feed</id>
              <updated>2024-04-02T09:00:00Z</updated>
              <entry>
                <title>Entry</title>
                <id>urn:example:1</id>
                <link href="https://example.org/e1"/>
                <updated>2024-04-02T09:00:00+02:00</updated>
                <author><name>Lena Berg</name></author>
                <content type="html">&lt;p&gt;Norway pledged aid to Ukraine.&lt;/p&gt;</content>
              </entry>
            </feed>
            """);

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal("urn:example:1", doc.Id);
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 9, 0, 0, TimeSpan.FromHours(2)), doc.Metadata.Published);
        Assert.Equal("Norway pledged aid to Ukraine.", doc.Text);
        Assert.Equal("Lena Berg", doc.Metadata.Byline);
    }

    [Fact]
    public async Task ReadAsync_FeedWithoutItems_SkipsWithFeedWithoutItems()
    {
        string path = _dir.File("empty.rss", """<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>https://example.org</link><description>x</description></channel></rss>""");

        var result = Reading.Single(await Reading.AllAsync(_reader, path));

        Assert.Equal(IngestCodes.FeedWithoutItems, result.Diagnostic!.Code);
        Assert.Contains("empty.rss", result.Diagnostic.Message);
    }

    [Fact]
    public async Task ReadAsync_BrokenXml_SkipsWithMalformedFeed()
    {
        string path = _dir.File("broken.xml", "<?xml version=\"1.0\"?><rss><channel><item>");

        var result = Reading.Single(await Reading.AllAsync(_reader, path));

        Assert.Equal(IngestCodes.MalformedFeed, result.Diagnostic!.Code);
    }

    [Theory]
    [InlineData(new byte[0], IngestCodes.Empty)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, IngestCodes.Empty)]
    [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x43 }, IngestCodes.Binary)]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x41, 0x05, 0x06 }, IngestCodes.Binary)]
    [InlineData(new byte[] { 0x41, 0x42, 0xC3, 0x28, 0x43 }, IngestCodes.InvalidEncoding)]
    [InlineData(new byte[] { 0x4C, 0x69, 0x6D, 0x61, 0xE9 }, IngestCodes.InvalidEncoding)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x42 }, IngestCodes.InvalidEncoding)]
    public async Task ReadAsync_BadBytes_SkipsWithCode(byte[] bytes, string code)
    {
        string path = _dir.Bytes("bad.txt", bytes);

        var result = Reading.Single(await Reading.AllAsync(_reader, path));

        Assert.False(result.IsDocument);
        Assert.Equal(code, result.Diagnostic.Code);
        Assert.Equal(Severity.Error, result.Diagnostic.Severity);
        Assert.StartsWith(path + ": ", result.Diagnostic.Message);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_MessageGivesOffset()
    {
        string path = _dir.Bytes("latin1.txt", Encoding.Latin1.GetBytes("Bogotá talks"));

        var result = Reading.Single(await Reading.AllAsync(_reader, path));

        Assert.Equal(IngestCodes.InvalidEncoding, result.Diagnostic!.Code);
        Assert.Contains("offset 5", result.Diagnostic.Message);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8")]
    public async Task ReadAsync_FileWithBom_DecodesWithoutBom(string encodingName)
    {
        const string Text = "Bogotá and Quito — a “new” pact, 2024.";
        var encoding = Encoding.GetEncoding(encodingName);
        string path = _dir.Bytes("bom.txt", [.. encoding.GetPreamble().Length > 0 ? encoding.GetPreamble() : new UTF8Encoding(true).GetPreamble(), .. encoding.GetBytes(Text)]);

        var doc = Reading.Single(await Reading.AllAsync(_reader, path)).Document!;

        Assert.Equal(Text, doc.Text);
    }

    [Fact]
    public async Task ReadAsync_FileOverDefaultLimit_SkipsWithoutReadingIt()
    {
        string path = Path.Combine(_dir.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            // A sparse 50 MB file: no disk is used and reading it would be the only way to fill memory.
            stream.SetLength(50L * 1000 * 1000);
        }

        string good = _dir.File("small.txt", Story);

        var results = await Reading.AllAsync(_reader, path, good);

        Assert.Equal(IngestCodes.TooLarge, results[0].Diagnostic!.Code);
        Assert.Contains("50000000 bytes", results[0].Diagnostic!.Message);
        Assert.Contains(ReaderOptions.DefaultMaxBytes.ToString(), results[0].Diagnostic!.Message);
        Assert.Equal(Story, results[1].Document!.Text);
    }

    [Fact]
    public async Task ReadAsync_NonexistentPath_SkipsAndGoesOn()
    {
        string missing = Path.Combine(_dir.Path, "missing.txt");
        string good = _dir.File("good.txt", Story);

        var results = await Reading.AllAsync(_reader, missing, good);

        Assert.Equal(2, results.Count);
        Assert.Equal(IngestCodes.PathNotFound, results[0].Diagnostic!.Code);
        Assert.Equal(missing, results[0].Origin);
        Assert.Contains(missing, results[0].Diagnostic!.Message);
        Assert.True(results[1].IsDocument);
    }

    /// <summary>
    /// Tests run as root, for whom chmod 000 does not stop a read; an entry that cannot be
    /// opened is made instead as a symbolic link to a file that does not exist.
    /// </summary>
    [Fact]
    public async Task ReadAsync_DirectoryWithUnreadableEntry_ReportsItAndReadsTheRest()
    {
        _dir.File("b.txt", Story);
        _dir.File("b.meta.json", """{"source":"Wire"}""");
        _dir.File("a/inner.txt", "Inner story about Mali.");
        _dir.File(".hidden.txt", "Hidden.");
        _dir.File("notes.md", "Not an article.");
        _dir.File("c.jsonl", """{"id":"j1","text":"Line article."}""");
        _dir.Bytes("d.txt", [0xC3, 0x28]);
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "broken.txt"), Path.Combine(_dir.Path, "gone", "nothing.txt"));

        var results = await Reading.AllAsync(_reader, _dir.Path);

        Assert.Equal(
            ["b.txt:b", "broken.txt:" + IngestCodes.Unreadable, "c.jsonl#line 1:j1", "d.txt:" + IngestCodes.InvalidEncoding, "inner.txt:inner"],
            results.Select(r => Path.GetFileName(r.Origin) + ":" + (r.IsDocument ? r.Document.Id : r.Diagnostic.Code)));
        Assert.Equal("Wire", results[0].Document!.Metadata.Source);
        Assert.Contains("broken.txt", results[1].Diagnostic!.Message);
    }

    [Fact]
    public async Task ReadAsync_FifoInDirectory_SkipsWithoutBlocking()
    {
        string fifo = Path.Combine(_dir.Path, "pipe.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        _dir.File("z.txt", Story);

        var results = await Reading.AllAsync(_reader, _dir.Path);

        Assert.Equal(IngestCodes.Empty, results[0].Diagnostic!.Code);
        Assert.True(results[1].IsDocument);
    }

    [Theory]
    [InlineData("{\"id\":\"s1\",\"text\":\"Fiji welcomed the envoy.\"}\n", InputFormat.JsonLines)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://x.org</link><description>d</description><item><title>I</title><description>Fiji welcomed the envoy.</description></item></channel></rss>", InputFormat.Feed)]
    [InlineData("Fiji welcomed the envoy.", InputFormat.PlainText)]
    public async Task ReadStreamAsync_Content_SniffsFormat(string content, InputFormat format)
    {
        var results = await Reading.StreamAsync(_reader, Encoding.UTF8.GetBytes(content));

        var doc = Reading.Single(results).Document!;
        Assert.Equal("Fiji welcomed the envoy.", doc.Text);
        Assert.StartsWith("stdin", doc.Metadata.Origin);
        Assert.Equal(format == InputFormat.JsonLines ? "s1" : format == InputFormat.Feed ? "stdin-1" : "stdin", doc.Id);
    }

    [Fact]
    public async Task ReadStreamAsync_Html_ExtractsText()
    {
        var doc = Reading.Single(await Reading.StreamAsync(_reader, Encoding.UTF8.GetBytes(Page(string.Empty, Paragraphs())))).Document!;

        Assert.Contains("The agreement runs for three years", doc.Text);
    }

    [Fact]
    public async Task ReadStreamAsync_OverLimit_Skips()
    {
        var reader = new ArticleReader(new ReaderOptions { MaxBytes = 10 });

        var result = Reading.Single(await Reading.StreamAsync(reader, Encoding.UTF8.GetBytes(Story)));

        Assert.Equal(IngestCodes.TooLarge, result.Diagnostic!.Code);
        Assert.Contains("stdin", result.Diagnostic.Message);
    }

    [Fact]
    public void Constructor_NonPositiveLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleReader(new ReaderOptions { MaxBytes = 0 }));
    }

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html><head><title>Page title</title>{head}</head><body>" +
        "<header><nav><a href='/'>Home</a><a href='/world'>World</a></nav></header>" +
        $"<main><article>{body}</article></main>" +
        "<aside class='newsletter'><p>Subscribe to our newsletter</p></aside></body></html>";

    private static string Paragraphs() =>
        $"<h1>Chile and Peru agree on quotas</h1><p>{Story} Both sides described the meeting as constructive and said technical teams would continue work.</p>" +
        "<p>The agreement runs for three years and covers anchovy and jack mackerel stocks in the shared waters off the two coasts, according to a joint statement released after the talks.</p>" +
        "<p>Fishing associations in both countries had demanded clearer rules after a dispute last year over vessels detained near the maritime border, and welcomed the outcome on Wednesday.</p>";
}
