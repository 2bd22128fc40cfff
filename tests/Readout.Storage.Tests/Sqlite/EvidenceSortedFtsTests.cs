using CsCheck;
using Microsoft.Data.Sqlite;
using Readout.Core.Layers;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>
/// evidence_sorted_fts (0006_evidence_sorted_fts.sql): the text index whose rowids are in listing order.
/// Its triggers must keep it equal to the index built afresh from the evidence and event dates, whatever
/// is written, and text listings must page through it in the listing order.
/// </summary>
public sealed class EvidenceSortedFtsTests : IDisposable
{
    /// <summary>Takes a store back to schema version 5 (what 0006 adds is gone, the data stays).</summary>
    internal const string UndoVersion6 = """
        DROP TRIGGER evidence_sorted_ai; DROP TRIGGER events_sorted_fts_bd; DROP TRIGGER evidence_sorted_ad;
        DROP TRIGGER evidence_sorted_au; DROP TRIGGER events_sorted_fts_au; DROP TABLE evidence_sorted_fts;
        DELETE FROM schema_version WHERE version >= 6;
        """;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Triggers_AfterStoresReplacementsDeletesAndUpdates_IndexEqualsRebuild()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.Full());
            await store.StoreAsync(TestArticles.Full("https://example.test/news/2"));
            await store.StoreAsync(TestArticles.OneEvent("https://example.test/undated", "Russia denied troop movements.", EventType.Mobilize, "Russia", "RUS", null, null, null));
            await store.StoreAsync(TestArticles.OneEvent("https://example.test/year", "Washington threatened sanctions.", EventType.Threaten, "United States", "USA", "China", "CHN", "2017"));
        }

        using var c = Open();
        AssertIndexEqualsRebuild(c);

        await using (var store = await _db.OpenAsync())
        {
            // A replaced article: its evidence and events are deleted, then written again.
            await store.StoreAsync(TestArticles.Full(title: "Sato meets Petrov again"));
        }

        AssertIndexEqualsRebuild(c);

        Execute(c, "UPDATE events SET date_start = '2031-02-03' WHERE id = (SELECT min(id) FROM events);");
        Execute(c, "UPDATE events SET date_start = NULL WHERE id = (SELECT max(id) FROM events WHERE date_start IS NOT NULL);");
        AssertIndexEqualsRebuild(c);

        Execute(c, "UPDATE evidence SET sentence_text = 'Sato cancelled the fisheries talks.' WHERE id = (SELECT max(id) FROM evidence);");
        AssertIndexEqualsRebuild(c);

        // Deleting an event or an article deletes the evidence after the event (ON DELETE CASCADE).
        Execute(c, "DELETE FROM events WHERE id = (SELECT min(event_id) FROM evidence WHERE ordinal > 0);");
        AssertIndexEqualsRebuild(c);
        Execute(c, "DELETE FROM articles WHERE url = 'https://example.test/news/2';");
        AssertIndexEqualsRebuild(c);
        Assert.True(Count(c, "SELECT count(*) FROM evidence;") > 0);
    }

    [Fact]
    public async Task Insert_OrdinalOutsideTheRowid_StoredNotIndexed_EventIdOutside_Rejected()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.Full());
        }

        using var c = Open();
        Execute(c, """
            INSERT INTO evidence (event_id, article_id, ordinal, sentence, start, length, sentence_start, sentence_length, sentence_text)
                SELECT event_id, article_id, 256, sentence, start, length, sentence_start, sentence_length, 'Quokkas everywhere.' FROM evidence LIMIT 1;
            """);
        AssertIndexEqualsRebuild(c);
        Assert.Equal(0, Count(c, "SELECT count(*) FROM evidence_sorted_fts WHERE evidence_sorted_fts MATCH 'quokkas';"));
        Execute(c, "UPDATE evidence SET sentence_text = 'Wombats.' WHERE ordinal = 256;");
        Execute(c, "DELETE FROM evidence WHERE ordinal = 256;");
        AssertIndexEqualsRebuild(c);

        Execute(c, "PRAGMA foreign_keys = OFF;");
        var ex = Assert.Throws<SqliteException>(() => Execute(c, """
            INSERT INTO evidence (event_id, article_id, ordinal, sentence, start, length, sentence_start, sentence_length, sentence_text)
                SELECT 4294967296, article_id, 0, sentence, start, length, sentence_start, sentence_length, sentence_text FROM evidence LIMIT 1;
            """));
        Assert.Contains("evidence_sorted_fts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryEventsAsync_TextMatchingTwoSentencesOfAnEvent_EventOnceAndPagesInOrder()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/a", "Sato met Lavrov.", EventType.Consult, "Taro Sato", "JPN", "Sergey Lavrov", "RUS", "2016-11-01"));
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/b", "Sato met no one.", EventType.Consult, "Taro Sato", "JPN", null, null, null));
        await store.ReplicateAsync(2);
        var all = await store.QueryEventsAsync(new EventQuery { Limit = EventQuery.MaxLimit });

        // 'Sato' is in both evidence sentences of event e1 of the full article (its main evidence and
        // "talks on fisheries" in the next sentence).
        var sato = await store.QueryEventsAsync(new EventQuery { Text = "sato", Limit = EventQuery.MaxLimit });
        Assert.Equal(
            all.Where(e => e.SentenceText.Contains("Sato", StringComparison.Ordinal) || e.Event.MoreEvidence.Count > 0).Select(e => e.Id),
            sato.Select(e => e.Id));
        Assert.Equal(sato.Count, sato.Select(e => e.Id).Distinct().Count());
        Assert.Contains(sato, e => e.Event.MoreEvidence.Count > 0);

        // Pages of one and of two events, by cursor: the same events in the same order, every page but
        // the last one full (an event's second matching sentence does not take a place on the page).
        foreach (int limit in (int[])[1, 2])
        {
            var paged = new List<long>();
            for (long? after = null; ;)
            {
                var page = await store.QueryEventsAsync(new EventQuery { Text = "sato", Limit = limit, AfterId = after });
                paged.AddRange(page.Select(e => e.Id));
                if (page.Count < limit)
                {
                    break;
                }

                after = page[^1].Id;
            }

            Assert.Equal(sato.Select(e => e.Id), paged);
        }

        var from = new DateOnly(2016, 10, 3);
        var to = new DateOnly(2016, 12, 1);
        Assert.Equal(
            sato.Where(e => e.DateStart is { } d && d >= from && d <= to).Select(e => e.Id),
            (await store.QueryEventsAsync(new EventQuery { Text = "sato", From = from, To = to, Limit = EventQuery.MaxLimit })).Select(e => e.Id));
        Assert.Equal(
            sato.Where(e => e.Event.Source?.Actor.Country == "JPN" && e.Event.Target?.Actor.Country == "RUS" || e.Event.Source?.Actor.Country == "RUS" && e.Event.Target?.Actor.Country == "JPN").Select(e => e.Id),
            (await store.QueryEventsAsync(new EventQuery { Text = "sato", Dyad = new CountryPair("RUS", "JPN"), Limit = EventQuery.MaxLimit })).Select(e => e.Id));
    }

    [Fact]
    public async Task QueryEventsAsync_CommonTextWithEitherSideFilter_SameEventsAsFilteringEveryEvent()
    {
        // Past 4,000 matches an either-side filter is read from its index against the set of matches
        // (FewTextMatchesAsync); below, the matches are walked. Both must give the filtered events in order.
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/a", "Japanese troops held drills with Chinese troops.", EventType.Mobilize, "Japan", "JPN", "China", "CHN", "2016-11-01"));
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/b", "Russian troops shelled Ukrainian positions.", EventType.Assault, "Russia", "RUS", "Ukraine", "UKR", "2016-11-02"));
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/c", "Troops left.", EventType.Retreat, "Russia", "RUS", null, null, null));
        await store.ReplicateAsync(1400);
        var all = new List<StoredEvent>();
        for (long? after = null; ;)
        {
            var page = await store.QueryEventsAsync(new EventQuery { Limit = EventQuery.MaxLimit, AfterId = after });
            all.AddRange(page);
            if (page.Count < EventQuery.MaxLimit)
            {
                break;
            }

            after = page[^1].Id;
        }

        Assert.True(all.Count > 4000);
        var queries = new (EventQuery Query, Func<StoredEvent, bool> Holds)[]
        {
            (new EventQuery { Text = "troops", Dyad = new CountryPair("UKR", "RUS") }, e => e.Event.Target?.Actor.Country == "UKR"),
            (new EventQuery { Text = "troops", Country = "RUS" }, e => e.Event.Source?.Actor.Country == "RUS"),
            (new EventQuery { Text = "troops", Country = "RUS", From = new DateOnly(2017, 1, 1) }, e => e.Event.Source?.Actor.Country == "RUS" && e.DateStart >= new DateOnly(2017, 1, 1)),
            (new EventQuery { Text = "shelled", Country = "UKR" }, e => e.Event.Target?.Actor.Country == "UKR"),
            (new EventQuery { Text = "drills", Actor = "japan" }, e => e.Event.Source?.Actor.Name == "Japan"),
        };
        foreach (var (query, holds) in queries)
        {
            var expected = all.Where(holds).Take(60).Select(e => e.Id).ToList();
            var first = await store.QueryEventsAsync(query with { Limit = 50 });
            var second = await store.QueryEventsAsync(query with { Limit = 10, AfterId = first[^1].Id });
            Assert.Equal(expected, first.Concat(second).Select(e => e.Id));
        }
    }

    [Fact]
    public async Task QueryEventsAsync_ArbitraryTextAndFilters_PagesEqualMatchesOfEvidenceFts()
    {
        // The reference is the index by evidence id (evidence_fts, the same sentences and tokenizer): the events
        // with a matching sentence, filtered and in listing order, must be what the pages give, page after page.
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/a", "Sato met Lavrov for talks.", EventType.Consult, "Taro Sato", "JPN", "Sergey Lavrov", "RUS", "2016-10-02"));
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/b", "Russia's ministry rejected the fisheries talks.", EventType.Reject, "Russia", "RUS", "Japan", "JPN", "2016-12"));
        await store.StoreAsync(TestArticles.OneEvent("https://example.test/c", "Talks on Oslo fisheries, the ministry said.", EventType.Consult, "Norway", "NOR", null, null, null));
        await store.ReplicateAsync(3, stepDays: 20);
        var all = await store.QueryEventsAsync(new EventQuery { Limit = EventQuery.MaxLimit });
        using var c = Open();
        string[] words = ["sato", "talks", "talk*", "fisheries", "ministry", "\"talks on\"", "OR", "russia's", "oslo", "zzz", "Petrov", "the", "*", "\"", "met"];
        var gen = Gen.Select(
            Gen.OneOf(Pick(words), Gen.String[Gen.Char['a', 'z'], 1, 3]).Array[1, 3],
            Pick<string?>(null, "JPN", "RUS", "NOR"),
            Pick<DateOnly?>(null, new DateOnly(2016, 10, 2), new DateOnly(2016, 12, 1), new DateOnly(2017, 1, 15)),
            Pick<DateOnly?>(null, new DateOnly(2016, 10, 22), new DateOnly(2016, 12, 31)),
            Gen.Int[1, 4]);
        await gen.SampleAsync(
            async (terms, country, from, to, limit) =>
            {
                string text = string.Join(' ', terms);
                string match;
                try
                {
                    match = FtsQuery.Build(text, "q");
                }
                catch (ArgumentException)
                {
                    await Assert.ThrowsAsync<ArgumentException>(() => store.QueryEventsAsync(new EventQuery { Text = text }));
                    return;
                }

                var matching = new HashSet<long>();
                using (var cmd = c.CreateCommand())
                {
                    cmd.CommandText = "SELECT x.event_id FROM evidence_fts f JOIN evidence x ON x.id = f.rowid WHERE evidence_fts MATCH $q;";
                    cmd.Parameters.AddWithValue("$q", match);
                    using var r = cmd.ExecuteReader();
                    while (r.Read())
                    {
                        matching.Add(r.GetInt64(0));
                    }
                }

                var expected = all.Where(e => matching.Contains(e.Id)
                        && (country is null || e.Event.Source?.Actor.Country == country || e.Event.Target?.Actor.Country == country)
                        && (from is null || e.DateStart >= from)
                        && (to is null || e.DateStart <= to))
                    .Select(e => e.Id).ToList();
                var query = new EventQuery { Text = text, Country = country, From = from, To = to, Limit = limit };
                var paged = new List<long>();
                for (long? after = null; ;)
                {
                    var page = await store.QueryEventsAsync(query with { AfterId = after });
                    paged.AddRange(page.Select(e => e.Id));
                    if (page.Count < limit)
                    {
                        break;
                    }

                    after = page[^1].Id;
                }

                Assert.Equal(expected, paged);
            },
            iter: 300);
    }

    [Fact]
    public async Task OpenAsync_StoreOfVersion5_MigrationFillsTheIndex()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.Full());
            await store.StoreAsync(TestArticles.OneEvent("https://example.test/a", "Sato met Lavrov.", EventType.Consult, "Taro Sato", "JPN", "Sergey Lavrov", "RUS", "2016-11-01"));
        }

        using (var c = Open())
        {
            Execute(c, UndoVersion6);
        }

        await using var migrated = await _db.OpenAsync();
        using (var c = Open())
        {
            AssertIndexEqualsRebuild(c);
        }

        Assert.Equal(3, (await migrated.QueryEventsAsync(new EventQuery { Text = "sato" })).Count);
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False;Foreign Keys=True");
        c.Open();
        return c;
    }

    /// <summary>The index term by term, position by position, equals one built afresh from the evidence.</summary>
    private static void AssertIndexEqualsRebuild(SqliteConnection c)
    {
        Execute(c, """
            DROP TABLE IF EXISTS temp.rebuilt; DROP TABLE IF EXISTS temp.kept_terms; DROP TABLE IF EXISTS temp.rebuilt_terms;
            CREATE VIRTUAL TABLE temp.rebuilt USING fts5(sentence_text, content='', tokenize='porter unicode61 remove_diacritics 2');
            INSERT INTO temp.rebuilt (rowid, sentence_text)
                SELECT ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                        | (x.event_id << 8) | x.ordinal,
                    x.sentence_text
                FROM evidence x JOIN (SELECT id, ifnull(date_start, '9999-12-31') AS k FROM events) e ON e.id = x.event_id
                WHERE x.ordinal BETWEEN 0 AND 255;
            CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, 'evidence_sorted_fts', 'instance');
            CREATE VIRTUAL TABLE temp.rebuilt_terms USING fts5vocab(temp, 'rebuilt', 'instance');
            """);
        long kept = Count(c, "SELECT count(*) FROM temp.kept_terms;");
        Assert.True(kept > 0);
        Assert.Equal(Count(c, "SELECT count(*) FROM temp.rebuilt_terms;"), kept);
        Assert.Equal(0, Count(c, "SELECT count(*) FROM (SELECT * FROM temp.kept_terms EXCEPT SELECT * FROM temp.rebuilt_terms);"));

        // The rowids also decode to the events they index.
        Assert.Equal(0, Count(c, """
            SELECT count(*) FROM (SELECT DISTINCT doc FROM temp.kept_terms) t
            WHERE NOT EXISTS (SELECT 1 FROM evidence x WHERE x.event_id = (t.doc >> 8) & 4294967295 AND x.ordinal = t.doc & 255);
            """));
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
