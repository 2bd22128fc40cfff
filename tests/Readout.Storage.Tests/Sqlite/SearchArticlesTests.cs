using Readout.Core;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

public sealed class SearchArticlesTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _db.OpenAsync();
        await Add("a", "Fisheries", "Talks on fisheries resumed. Fisheries officials from both sides met; fisheries quotas were set.");
        await Add("b", "Islands", "The islands dispute overshadowed talks on fisheries.");
        await Add("c", "Trade", "Ministers discussed trade and tariffs (\"a fair deal\").");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task SearchArticlesAsync_Word_RankedByBm25WithSnippet()
    {
        var hits = await _store.SearchArticlesAsync("fisheries", 10);

        Assert.Equal(["a", "b"], hits.Select(h => h.Article.Url));
        Assert.True(hits[0].Rank > hits[1].Rank);
        Assert.Contains(ArticleHit.HighlightStart + "Fisheries" + ArticleHit.HighlightEnd, hits[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fish*", new[] { "a", "b" })]
    [InlineData("\"islands dispute\"", new[] { "b" })]
    [InlineData("\"dispute islands\"", new string[0])]
    [InlineData("tariffs OR islands", new[] { "b", "c" })]
    [InlineData("trade", new[] { "c" })]
    [InlineData("TRADE AND (tariffs", new[] { "c" })]
    [InlineData("\"fair deal", new[] { "c" })]
    [InlineData("(tariffs) ^trade: -", new[] { "c" })]
    [InlineData("NEAR(trade tariffs)", new string[0])]
    [InlineData("title:trade", new string[0])]
    public async Task SearchArticlesAsync_UserSyntax_NeverAnFtsError(string query, string[] expected)
    {
        var hits = await _store.SearchArticlesAsync(query, 10);

        Assert.Equal(expected.Order(), hits.Select(h => h.Article.Url!).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  * ( - ^ OR \"\" ")]
    public async Task SearchArticlesAsync_NothingSearchable_ArgumentException(string query)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SearchArticlesAsync(query, 10));
    }

    [Fact]
    public async Task SearchArticlesAsync_Limit_CutsTheList()
    {
        Assert.Single(await _store.SearchArticlesAsync("talks", 1));
    }

    private Task<StoreOutcome> Add(string url, string title, string text) =>
        _store.StoreAsync(new Document(url, text, new DocumentMetadata { Url = url, Title = title, Source = "Test" }));
}
