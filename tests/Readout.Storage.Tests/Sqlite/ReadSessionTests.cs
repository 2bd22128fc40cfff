using Readout.Core.Layers;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>
/// Listings run on read connections the store keeps open with their prepared commands: a command run
/// again must see every commit made since, bind only its own call's values, and survive its session's
/// command cache being emptied.
/// </summary>
public sealed class ReadSessionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task QueryEventsAsync_SameQueryAfterAWrite_SeesTheNewEvents()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("a1", "Japan discussed sanctions with Vietnam.", EventType.Consult, "Japan", "JPN", "Vietnam", "VNM", "2020-01-02"));
        EventQuery[] queries = [new() { Country = "JPN" }, new() { Text = "sanctions" }, new() { Dyad = new CountryPair("VNM", "JPN") }];
        foreach (var q in queries)
        {
            Assert.Single(await store.QueryEventsAsync(q));
        }

        await store.StoreAsync(TestArticles.OneEvent("a2", "Japan weighed sanctions on Vietnam.", EventType.Coerce, "Japan", "JPN", "Vietnam", "VNM", "2020-01-03"));

        foreach (var q in queries)
        {
            Assert.Equal(["a1", "a2"], (await store.QueryEventsAsync(q)).Select(e => e.Article.Url));
        }
    }

    [Fact]
    public async Task QueryEventsAsync_AnotherWriterOnTheFile_ReadOnlyStoreSeesItsCommits()
    {
        await using (var writer = await _db.OpenAsync())
        {
            await writer.StoreAsync(TestArticles.OneEvent("a1", "Japan met Vietnam.", EventType.Consult, "Japan", "JPN", "Vietnam", "VNM", "2020-01-02"));
        }

        await using var reader = await _db.OpenAsync(readOnly: true);
        Assert.Single(await reader.QueryEventsAsync(new EventQuery { Country = "JPN" }));
        await using (var writer = await _db.OpenAsync())
        {
            await writer.StoreAsync(TestArticles.OneEvent("a2", "Japan met Vietnam again.", EventType.Consult, "Japan", "JPN", "Vietnam", "VNM", "2020-01-03"));
        }

        Assert.Equal(2, (await reader.QueryEventsAsync(new EventQuery { Country = "JPN" })).Count);
    }

    [Fact]
    public async Task QueryEventsAsync_SameFiltersOtherValues_BindsOnlyTheNewValues()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("a1", "Japan discussed sanctions with Vietnam.", EventType.Consult, "Japan", "JPN", "Vietnam", "VNM", "2020-01-02"));
        await store.StoreAsync(TestArticles.OneEvent("a2", "China held drills near Russia.", EventType.Mobilize, "China", "CHN", "Russia", "RUS", "2020-01-03"));

        // One query shape after another with new values, on the one session a sequential caller reuses.
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(["a1"], (await store.QueryEventsAsync(new EventQuery { Country = "VNM", Text = "sanctions" })).Select(e => e.Article.Url));
            Assert.Equal(["a2"], (await store.QueryEventsAsync(new EventQuery { Country = "RUS", Text = "drills" })).Select(e => e.Article.Url));
            Assert.Empty(await store.QueryEventsAsync(new EventQuery { Country = "RUS", Text = "sanctions" }));
            Assert.Equal(["a2"], (await store.QueryEventsAsync(new EventQuery { Dyad = new CountryPair("RUS", "CHN") })).Select(e => e.Article.Url));
            Assert.Equal(["a1"], (await store.QueryEventsAsync(new EventQuery { Dyad = new CountryPair("JPN", "VNM") })).Select(e => e.Article.Url));
        }
    }

    [Fact]
    public async Task QueryEventsAsync_EveryFilterCombinationTwiceAndConcurrently_SameAnswers()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("a1", "Japan discussed sanctions with Vietnam.", EventType.Consult, "Shinzo Abe", "JPN", "Vietnam", "VNM", "2020-01-02"));
        await store.StoreAsync(TestArticles.OneEvent("a2", "Vietnam will discuss sanctions with Japan.", EventType.Consult, "Vietnam", "VNM", "Shinzo Abe", "JPN", "2020-02-02", Modality.Planned));
        await store.StoreAsync(TestArticles.OneEvent("a3", "China protested.", EventType.Protest, "China", "CHN", null, null, null));
        long firstId = (await store.QueryEventsAsync(new EventQuery { Limit = 1 }))[0].Id;

        // 2^8 filter combinations, each a listing SQL of its own: more than a session keeps commands for,
        // so the second pass also runs on commands made again.
        var queries = Enumerable.Range(0, 256).Select(bits => new EventQuery
        {
            Country = (bits & 1) != 0 ? "JPN" : null,
            Dyad = (bits & 2) != 0 ? new CountryPair("JPN", "VNM") : null,
            Actor = (bits & 4) != 0 ? "abe" : null,
            Type = (bits & 8) != 0 ? EventType.Consult : null,
            Modality = (bits & 16) != 0 ? Modality.Planned : null,
            From = (bits & 32) != 0 ? new DateOnly(2020, 1, 15) : null,
            Text = (bits & 64) != 0 ? "sanctions" : null,
            AfterId = (bits & 128) != 0 ? firstId : null,
        }).ToArray();
        async Task<string[]> AnswerAsync(EventQuery q) => [.. (await store.QueryEventsAsync(q)).Select(e => e.Article.Url!)];

        var first = new List<string[]>();
        foreach (var q in queries)
        {
            first.Add(await AnswerAsync(q));
        }

        Assert.Equal(["a1", "a2", "a3"], first[0]);
        Assert.Equal(["a2"], first[1 | 2 | 4 | 8 | 16 | 64]); // every filter but the cursor
        Assert.Equal(["a2"], first[1 | 128]); // JPN after a1
        foreach (var (q, expected) in queries.Zip(first))
        {
            Assert.Equal(expected, await AnswerAsync(q));
        }

        var concurrent = await Task.WhenAll(queries.Select(q => Task.Run(() => AnswerAsync(q))));
        Assert.Equal(first, concurrent);
    }
}
