using System.Text;
using CsCheck;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>
/// SQLite stores UTF-8, which cannot hold a lone UTF-16 surrogate. The store replaces each with
/// U+FFFD (one code unit, so offsets hold), counts them, and keeps everything else exactly.
/// </summary>
public sealed class UnicodeRoundTripTests : IDisposable
{
    private static readonly Gen<string> AnyText = Gen.OneOf(
            Gen.Char,
            Gen.Char['\uD800', '\uDFFF'],
            Gen.Char['\0', '\u001F'],
            Gen.Char['a', 'z'],
            Gen.Const(' '))
        .Array[0, 200]
        .Select(chars => new string(chars));

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task StoreAsync_ArbitraryUnicode_TextRoundTripsWithLoneSurrogatesReplaced()
    {
        await using var store = await _db.OpenAsync();
        int n = 0;
        await AnyText.SampleAsync(
            async text =>
            {
                string url = "u" + Interlocked.Increment(ref n);
                var doc = WithEvent(url, text);
                string expected = Expected(text, out int lone);

                var outcome = await store.StoreAsync(doc);
                var article = await store.GetArticleAsync(outcome.ArticleId);
                var events = await store.QueryEventsAsync(new EventQuery { ArticleId = outcome.ArticleId });

                Assert.Equal(lone, outcome.ReplacedCharacters);
                Assert.Equal(expected, article!.Text);
                Assert.Equal(lone, article.ReplacedCharacters);
                Assert.Equal(expected, events.Single().SentenceText);
                // A listed event's text columns are read back through one JSON array (EventCells).
                Assert.Equal(expected, events[0].Event.Source!.Text);
                Assert.Equal(expected, events[0].Event.Source!.Actor.Name);
                Assert.Equal(Expected(text.Length > 10 ? text[..10] : text, out _), events[0].Article.Title);
                Assert.Equal(new TextSpan(0, text.Length), events[0].Event.Evidence);
                Assert.Equal(StoreStatus.Unchanged, (await store.StoreAsync(WithEvent(url, text))).Status);
                try
                {
                    await store.SearchArticlesAsync(text, 5);
                }
                catch (ArgumentException)
                {
                    // No searchable word in the text: the documented answer.
                }
            },
            iter: 150,
            threads: 1);
    }

    [Fact]
    public async Task StoreAsync_LoneSurrogates_OffsetsUnchanged()
    {
        string text = "a\uD800b\uDC00c \uD83D\uDE00 Putin";
        await using var store = await _db.OpenAsync();

        var outcome = await store.StoreAsync(WithEvent("x", text));
        var article = await store.GetArticleAsync(outcome.ArticleId);

        Assert.Equal(2, outcome.ReplacedCharacters);
        Assert.Equal("a\uFFFDb\uFFFDc \uD83D\uDE00 Putin", article!.Text);
        Assert.Equal("Putin", article.Text.Substring(text.IndexOf("Putin", StringComparison.Ordinal), 5));
        Assert.Single(await store.SearchArticlesAsync("putin", 5));
    }

    [Fact]
    public async Task StoreAsync_NulInText_StoredAndIndexedPastIt()
    {
        await using var store = await _db.OpenAsync();

        var outcome = await store.StoreAsync(WithEvent("nul", "Tokyo\0Moscow talks"));

        Assert.Equal("Tokyo\0Moscow talks", (await store.GetArticleAsync(outcome.ArticleId))!.Text);
        Assert.Single(await store.SearchArticlesAsync("moscow", 5));
        Assert.Single(await store.SearchArticlesAsync("\"tokyo\0moscow\"", 5));
    }

    private static Document WithEvent(string url, string text)
    {
        var doc = new Document(url, text, new DocumentMetadata { Url = url, Title = text.Length > 10 ? text[..10] : text });
        var whole = new TextSpan(0, text.Length);
        doc.Set(LayerKeys.Entities, [new EntityMention(whole, 0, 1, EntityKind.Organization, text)]);
        doc.Set(LayerKeys.Events,
        [
            new CodedEvent
            {
                Id = "e1",
                Type = EventType.Consult,
                Cameo = "040",
                Source = new EventArgument(text, whole, new Actor(text, "JPN", null, null)),
                Modality = Modality.Asserted,
                Sentence = 0,
                Evidence = whole,
                Trigger = whole,
                Rule = "property",
            },
        ]);
        return doc;
    }

    /// <summary>The text with each lone surrogate as U+FFFD, computed independently through runes.</summary>
    private static string Expected(string text, out int lone)
    {
        var sb = new StringBuilder(text.Length);
        lone = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int used) != System.Buffers.OperationStatus.Done)
            {
                lone++;
            }

            sb.Append(rune.ToString());
            i += used;
        }

        return sb.ToString();
    }
}
