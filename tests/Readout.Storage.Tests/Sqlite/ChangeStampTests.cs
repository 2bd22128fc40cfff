using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>The change stamp that response caches key on: it must move on every commit, whoever makes it.</summary>
public sealed class ChangeStampTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task GetChangeStampAsync_NoWrites_StaysTheSame()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());

        long first = await store.GetChangeStampAsync();
        await store.QueryEventsAsync(new EventQuery());

        Assert.Equal(first, await store.GetChangeStampAsync());
    }

    [Fact]
    public async Task GetChangeStampAsync_SameInstanceStores_Changes()
    {
        await using var store = await _db.OpenAsync();
        long before = await store.GetChangeStampAsync();

        await store.StoreAsync(TestArticles.Full());

        Assert.NotEqual(before, await store.GetChangeStampAsync());
    }

    [Fact]
    public async Task GetChangeStampAsync_AnotherWriterOnTheFile_ChangesForTheReadOnlyStore()
    {
        await using (var writer = await _db.OpenAsync())
        {
            await writer.StoreAsync(TestArticles.Full());
        }

        await using var reader = await _db.OpenAsync(readOnly: true);
        long before = await reader.GetChangeStampAsync();
        await using (var writer = await _db.OpenAsync())
        {
            await writer.StoreAsync(TestArticles.Full(url: "https://example.test/news/2"));
        }

        long after = await reader.GetChangeStampAsync();

        Assert.NotEqual(before, after);
        Assert.Equal(after, await reader.GetChangeStampAsync());
    }

    [Fact]
    public async Task GetChangeStampAsync_UnchangedArticleStoredAgain_StaysTheSame()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());
        long before = await store.GetChangeStampAsync();

        var outcome = await store.StoreAsync(TestArticles.Full());

        Assert.Equal(StoreStatus.Unchanged, outcome.Status);
        Assert.Equal(before, await store.GetChangeStampAsync());
    }
}
