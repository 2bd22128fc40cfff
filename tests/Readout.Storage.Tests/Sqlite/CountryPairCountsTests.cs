using Microsoft.Data.Sqlite;
using Readout.Core.Layers;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>The country pair counts kept by triggers (0005_country_pair_counts.sql) always equal a count of the events.</summary>
public sealed class CountryPairCountsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Counts_FollowStoreReplaceAndReplicate()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("a", "Japan hosted Russian talks.", EventType.Consult, "Shinzo Abe", "JPN", "Vladimir Putin", "RUS", "2016-10-02"));
        await store.StoreAsync(TestArticles.OneEvent("b", "Russia met Japan.", EventType.Consult, "Vladimir Putin", "RUS", "Shinzo Abe", "JPN", "2016-10-03"));
        await store.StoreAsync(TestArticles.OneEvent("c", "Japan protested Chinese patrols.", EventType.Protest, "Japan", "JPN", "China", "CHN", "2016-11-30"));
        await store.StoreAsync(TestArticles.OneEvent("d", "Russia denied troop movements.", EventType.Mobilize, "Russia", "RUS", null, null, null));
        Assert.Equal(
            [("JPN", "CHN", "Protest", 1L), ("JPN", "RUS", "Consult", 1L), ("RUS", "JPN", "Consult", 1L)],
            await KeptAsync());
        await AssertKeptEqualsCountedAsync();

        // Replacing an article deletes its events: the old pair's count goes, the new one's comes.
        await store.StoreAsync(TestArticles.OneEvent("c", "Japan and China agreed on patrols.", EventType.Agree, "Japan", "JPN", "China", "CHN", "2016-12-01"));
        Assert.DoesNotContain(await KeptAsync(), row => row.Type == "Protest");
        await AssertKeptEqualsCountedAsync();

        await store.ReplicateAsync(3);
        Assert.Contains(("RUS", "JPN", "Consult", 4L), await KeptAsync());
        await AssertKeptEqualsCountedAsync();
    }

    [Fact]
    public async Task OpenAsync_StoreOfVersion4_MigrationFillsCounts()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.OneEvent("a", "Japan hosted Russian talks.", EventType.Consult, "Shinzo Abe", "JPN", "Vladimir Putin", "RUS", "2016-10-02"));
            await store.StoreAsync(TestArticles.OneEvent("b", "Japan met Russia again.", EventType.Consult, "Shinzo Abe", "JPN", "Vladimir Putin", "RUS", "2016-10-03"));
        }

        using (var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = EvidenceSortedFtsTests.UndoVersion6 + """
                DROP TRIGGER events_pair_counts_ai; DROP TRIGGER events_pair_counts_ad; DROP TRIGGER events_pair_counts_au; DROP TABLE country_pair_counts;
                DELETE FROM schema_version WHERE version >= 5;
                """;
            cmd.ExecuteNonQuery();
        }

        await using var migrated = await _db.OpenAsync();
        Assert.Equal([("JPN", "RUS", "Consult", 2L)], await KeptAsync());
    }

    [Fact]
    public async Task GetInteractionsAsync_Unfiltered_EqualsAFilterThatKeepsEverything()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("a", "Japan hosted Russian talks.", EventType.Consult, "Shinzo Abe", "JPN", "Vladimir Putin", "RUS", "2016-10-02"));
        await store.StoreAsync(TestArticles.OneEvent("b", "Russia met Japan.", EventType.Consult, "Vladimir Putin", "RUS", "Shinzo Abe", "JPN", "2016-10-03"));
        await store.StoreAsync(TestArticles.OneEvent("c", "Japan protested Chinese patrols.", EventType.Protest, "Japan", "JPN", "China", "CHN", "2016-11-30"));
        await store.StoreAsync(TestArticles.OneEvent("e", "Japan protested Chinese drills.", EventType.Protest, "Japan", "JPN", "China", "CHN", "2016-12-30"));
        await store.ReplicateAsync(2);

        var kept = await store.GetInteractionsAsync(new EventQuery(), NetworkLevel.Country, 100);
        var scanned = await store.GetInteractionsAsync(new EventQuery { From = new DateOnly(1, 1, 1) }, NetworkLevel.Country, 100);
        Assert.Equal(scanned, kept);
        Assert.Equal(new InteractionCount("JPN", "JPN", "CHN", "CHN", EventType.Protest, 6), kept[0]);
    }

    private async Task<List<(string Source, string Target, string Type, long Events)>> KeptAsync() =>
        await ReadAsync("SELECT source_country, target_country, type, events FROM country_pair_counts ORDER BY 1, 2, 3;");

    private async Task AssertKeptEqualsCountedAsync() => Assert.Equal(
        await ReadAsync("""
            SELECT source_country, target_country, type, count(*) FROM events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
            """),
        await KeptAsync());

    private async Task<List<(string, string, string, long)>> ReadAsync(string sql)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string, string, long)>();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
        }

        return rows;
    }
}
