using Microsoft.Data.Sqlite;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

public sealed class SqliteEventStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task StoreAsync_FullDocument_EventsRoundTripEveryField()
    {
        var doc = TestArticles.Full();
        var expected = doc.Get(LayerKeys.Events);
        await using var store = await _db.OpenAsync();

        var outcome = await store.StoreAsync(doc);
        var events = await store.QueryEventsAsync(new EventQuery());

        Assert.Equal(StoreStatus.Stored, outcome.Status);
        Assert.Equal(2, outcome.EventCount);
        Assert.Equal(2, events.Count);
        var sentences = doc.Get(LayerKeys.Sentences);
        for (int i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var got = events[i];
            Assert.Equal(outcome.ArticleId, got.ArticleId);
            Assert.Equal(new ArticleInfo(doc.Metadata.Title, doc.Metadata.Source, doc.Metadata.Url, doc.Metadata.Published), got.Article);
            Assert.Equal(want with { MoreEvidence = [] }, got.Event with { MoreEvidence = [] });
            Assert.Equal(want.MoreEvidence, got.Event.MoreEvidence);
            Assert.Equal(sentences[want.Sentence].Span, got.SentenceSpan);
            Assert.Equal(doc.Slice(sentences[want.Sentence].Span), got.SentenceText);
            Assert.Equal(got, await store.GetEventAsync(got.Id) is { } one ? one with { Event = one.Event with { MoreEvidence = got.Event.MoreEvidence } } : null);
        }

        Assert.Equal(new DateOnly(2016, 10, 2), events[0].DateStart);
        Assert.Equal(new DateOnly(2016, 12, 1), events[1].DateStart);
        Assert.Equal(new DateOnly(2016, 12, 31), events[1].DateEnd);
    }

    [Fact]
    public async Task GetArticleAsync_FullDocument_ReturnsTextMetadataAndLayers()
    {
        var doc = TestArticles.Full();
        await using var store = await _db.OpenAsync(new EventStoreOptions { PipelineVersion = "test-1" });
        var outcome = await store.StoreAsync(doc);

        var article = await store.GetArticleAsync(outcome.ArticleId);

        Assert.NotNull(article);
        Assert.Equal(doc.Text, article.Text);
        Assert.Equal("wire-1", article.DocumentId);
        Assert.Equal("url:https://example.test/news/1", article.Key);
        Assert.Equal("test-1", article.PipelineVersion);
        Assert.Equal(64, article.ContentHash.Length);
        var m = article.Metadata;
        Assert.Equal(
            (doc.Metadata.Source, doc.Metadata.Url, doc.Metadata.Title, doc.Metadata.Published, doc.Metadata.Byline, doc.Metadata.Dateline, doc.Metadata.Language, doc.Metadata.Origin),
            (m.Source, m.Url, m.Title, m.Published, m.Byline, m.Dateline, m.Language, m.Origin));
        Assert.Equal(doc.Metadata.Published!.Value.Offset, m.Published!.Value.Offset);
        Assert.Equal(doc.Get(LayerKeys.Regions).Items, article.ExcludedRegions);
        Assert.Equal(doc.Get(LayerKeys.Sentences).Items.Select(s => s.Span), article.Sentences);
        Assert.Equal(doc.Get(LayerKeys.Entities), article.Entities.Select(e => e.Mention));
        Assert.Equal(Enumerable.Range(0, 6), article.Entities.Select(e => e.Ordinal));
        Assert.Equal([null, "Taro Sato", null, "Ivan Petrov", null, null], article.Entities.Select(e => e.Actor?.Name));
        Assert.Equal(new Actor("Taro Sato", "JPN", "GOV", "Foreign Minister"), article.Entities[1].Actor);
        Assert.Equal("demonym", article.Entities[3].ActorEvidence);
        Assert.Equal(doc.Get(LayerKeys.Places), article.Places);
        Assert.Equal(doc.Get(LayerKeys.Timexes), article.Timexes);
        Assert.Null(await store.GetArticleAsync(outcome.ArticleId + 1));
    }

    [Fact]
    public async Task StoreAsync_DocumentWithoutLayers_StoresArticleOnly()
    {
        await using var store = await _db.OpenAsync();

        var outcome = await store.StoreAsync(new Document("bare", "Just text.", new DocumentMetadata { Source = "S" }));
        var article = await store.GetArticleAsync(outcome.ArticleId);

        Assert.Equal(new StoreOutcome(StoreStatus.Stored, outcome.ArticleId, 0), outcome);
        Assert.Equal("Just text.", article!.Text);
        Assert.Equal("doc:S\u001fbare", article.Key);
        Assert.Empty(article.Entities);
        Assert.Empty(await store.QueryEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task StoreAsync_SameDocumentAgain_UnchangedAndNothingWritten()
    {
        await using var store = await _db.OpenAsync();
        var first = await store.StoreAsync(TestArticles.Full());
        var statsBefore = await store.GetStatsAsync();
        var eventsBefore = await store.QueryEventsAsync(new EventQuery());
        var storedAtBefore = (await store.GetArticleAsync(first.ArticleId))!.StoredAt;

        var second = await store.StoreAsync(TestArticles.Full());

        Assert.Equal(new StoreOutcome(StoreStatus.Unchanged, first.ArticleId, 2), second);
        Assert.Equal(statsBefore, await store.GetStatsAsync());
        Assert.Equal(eventsBefore.Select(e => e.Id), (await store.QueryEventsAsync(new EventQuery())).Select(e => e.Id));
        Assert.Equal(storedAtBefore, (await store.GetArticleAsync(first.ArticleId))!.StoredAt);
    }

    [Fact]
    public async Task StoreAsync_ChangedTextSameUrl_ReplacedInPlace()
    {
        await using var store = await _db.OpenAsync();
        var first = await store.StoreAsync(TestArticles.Full());
        var oldIds = (await store.QueryEventsAsync(new EventQuery())).Select(e => e.Id).ToList();

        var second = await store.StoreAsync(TestArticles.Full(text: "A corrected story about tariffs."));

        Assert.Equal(new StoreOutcome(StoreStatus.Replaced, first.ArticleId, 0), second);
        var stats = await store.GetStatsAsync();
        Assert.Equal((1L, 0L, 0L, 0L, 0L), (stats.Articles, stats.Events, stats.Evidence, stats.Entities, stats.Regions));
        Assert.Equal("A corrected story about tariffs.", (await store.GetArticleAsync(first.ArticleId))!.Text);
        Assert.All(oldIds, id => Assert.Null(store.GetEventAsync(id).Result));
        Assert.Empty(await store.SearchArticlesAsync("fisheries"));
        Assert.Single(await store.SearchArticlesAsync("tariffs"));
    }

    [Fact]
    public async Task StoreAsync_ChangedTitleOnly_Replaced()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());

        var outcome = await store.StoreAsync(TestArticles.Full(title: "Sato and Petrov meet"));

        Assert.Equal(StoreStatus.Replaced, outcome.Status);
        Assert.Equal(2, (await store.GetStatsAsync()).Events);
    }

    [Fact]
    public async Task StoreAsync_NewPipelineVersion_Replaced()
    {
        await using (var store = await _db.OpenAsync(new EventStoreOptions { PipelineVersion = "v1" }))
        {
            await store.StoreAsync(TestArticles.Full());
        }

        await using var again = await _db.OpenAsync(new EventStoreOptions { PipelineVersion = "v2" });
        var outcome = await again.StoreAsync(TestArticles.Full());

        Assert.Equal(StoreStatus.Replaced, outcome.Status);
        Assert.Equal("v2", (await again.GetArticleAsync(outcome.ArticleId))!.PipelineVersion);
        Assert.Equal(StoreStatus.Unchanged, (await again.StoreAsync(TestArticles.Full())).Status);
    }

    [Fact]
    public async Task StoreAsync_NoUrl_IdentityIsSourceAndId()
    {
        await using var store = await _db.OpenAsync();
        var a = await store.StoreAsync(new Document("7", "Text one.", new DocumentMetadata { Source = "A" }));
        var b = await store.StoreAsync(new Document("7", "Text one.", new DocumentMetadata { Source = "B" }));
        var a2 = await store.StoreAsync(new Document("7", "Text two.", new DocumentMetadata { Source = "A" }));

        Assert.NotEqual(a.ArticleId, b.ArticleId);
        Assert.Equal((StoreStatus.Replaced, a.ArticleId), (a2.Status, a2.ArticleId));
        Assert.Equal(2, (await store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task StoreAsync_FailureAfterEvents_RollsBackWholeArticle()
    {
        await using var store = await _db.OpenAsync();
        store.WriteStepHook = step => throw new IOException("disk gone at " + step);

        await Assert.ThrowsAsync<IOException>(() => store.StoreAsync(TestArticles.Full()));

        store.WriteStepHook = null;
        var stats = await store.GetStatsAsync();
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L, 0L), (stats.Articles, stats.Events, stats.Evidence, stats.Entities, stats.Places, stats.Timexes, stats.Regions));
        Assert.Empty(await store.SearchArticlesAsync("Petrov"));
        Assert.Equal(StoreStatus.Stored, (await store.StoreAsync(TestArticles.Full())).Status);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("entities")]
    [InlineData("events")]
    public async Task StoreAsync_ReplaceFailsMidway_OldArticleIntact(string failingStep)
    {
        await using var store = await _db.OpenAsync();
        var first = await store.StoreAsync(TestArticles.Full());
        var before = await store.QueryEventsAsync(new EventQuery());
        store.WriteStepHook = step =>
        {
            if (step == failingStep)
            {
                throw new InvalidOperationException("injected");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(TestArticles.Full(text: "Replacement text.")));

        store.WriteStepHook = null;
        Assert.Equal(TestArticles.Text, (await store.GetArticleAsync(first.ArticleId))!.Text);
        Assert.Equal(before.Select(e => e.Id), (await store.QueryEventsAsync(new EventQuery())).Select(e => e.Id));
        Assert.Single(await store.SearchArticlesAsync("Petrov"));
        Assert.Empty(await store.SearchArticlesAsync("Replacement"));
    }

    [Fact]
    public async Task StoreAsync_DuplicateEventIds_ConstraintFailsAndNoRowsRemain()
    {
        var doc = TestArticles.OneEvent("u1", "Japan met Russia.", EventType.Consult, "Japan", "JPN", "Russia", "RUS", "2016-10-02");
        var e = doc.Get(LayerKeys.Events)[0];
        var twin = new Document("u2", doc.Text, new DocumentMetadata { Url = "u2" });
        twin.Set(LayerKeys.Events, [e, e with { Type = EventType.Agree }]);
        await using var store = await _db.OpenAsync();

        var ex = await Assert.ThrowsAsync<SqliteException>(() => store.StoreAsync(twin));

        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
        var stats = await store.GetStatsAsync();
        Assert.Equal((0L, 0L, 0L), (stats.Articles, stats.Events, stats.Evidence));
        var after = await store.StoreAsync(doc);
        Assert.Equal((StoreStatus.Stored, 1), (after.Status, after.EventCount));
    }

    [Fact]
    public async Task StoreAsync_SpanOutsideText_ArgumentExceptionAndNothingWritten()
    {
        var doc = new Document("x", "Short.", new DocumentMetadata { Url = "x" });
        doc.Set(LayerKeys.Entities, [new EntityMention(new TextSpan(3, 10), 0, 1, EntityKind.Person, "Short.")]);
        await using var store = await _db.OpenAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.StoreAsync(doc));

        Assert.Contains("[3,13)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task StoreAsync_ActorOfMissingEntity_ArgumentException()
    {
        var doc = new Document("x", "Short.", new DocumentMetadata { Url = "x" });
        doc.Set(LayerKeys.Entities, [new EntityMention(new TextSpan(0, 5), 0, 1, EntityKind.Person, "Short")]);
        doc.Set(LayerKeys.Actors, [new ActorMention(1, new Actor("A", null, null, null), "kb")]);
        await using var store = await _db.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.StoreAsync(doc));
    }

    [Fact]
    public async Task OpenAsync_ReadOnly_RefusesWritesButReads()
    {
        await using (var writer = await _db.OpenAsync())
        {
            await writer.StoreAsync(TestArticles.Full());
        }

        await using var store = await _db.OpenAsync(readOnly: true);

        Assert.True(store.IsReadOnly);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(TestArticles.Full(url: "https://example.test/2")));
        Assert.Equal(2, (await store.QueryEventsAsync(new EventQuery())).Count);
        Assert.Equal(1, (await store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyMissingFile_ThrowsAndCreatesNothing()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _db.OpenAsync(readOnly: true));

        Assert.False(File.Exists(_db.Path));
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyUnmigratedFile_ThrowsAndDoesNotMigrate()
    {
        using (var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE other (x);";
            cmd.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.OpenAsync(readOnly: true));

        Assert.Contains("schema version 0", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["other"], Tables());
    }

    [Fact]
    public async Task OpenAsync_StoreOfVersion3_MigrationFillsActorNames()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.Full());
        }

        // Back to version 3: what 0004, 0005 and 0006 add is gone, the events stay.
        using (var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = EvidenceSortedFtsTests.UndoVersion6 + """
                DROP TRIGGER events_actor_names_ai; DROP TRIGGER events_actor_names_au; DROP TABLE actor_names;
                DROP INDEX ix_events_source_name_sorted; DROP INDEX ix_events_target_name_sorted; DROP INDEX ix_events_dyad_sorted; DROP INDEX ix_evidence_event_of;
                DROP TRIGGER events_pair_counts_ai; DROP TRIGGER events_pair_counts_ad; DROP TRIGGER events_pair_counts_au; DROP TABLE country_pair_counts;
                DELETE FROM schema_version WHERE version >= 4;
                """;
            cmd.ExecuteNonQuery();
        }

        await using var migrated = await _db.OpenAsync();
        var all = await migrated.QueryEventsAsync(new EventQuery());
        string name = all.Select(e => e.Event.Source?.Actor.Name ?? e.Event.Target?.Actor.Name).First(n => n is not null)!;

        var found = await migrated.QueryEventsAsync(new EventQuery { Actor = name[1..^1].ToUpperInvariant() });

        Assert.Equal(
            all.Where(e => e.Event.Source?.Actor.Name.Contains(name[1..^1], StringComparison.OrdinalIgnoreCase) == true
                || e.Event.Target?.Actor.Name.Contains(name[1..^1], StringComparison.OrdinalIgnoreCase) == true).Select(e => e.Id),
            found.Select(e => e.Id));
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task OpenAsync_Reopen_MigrationsRunOnce()
    {
        await using (var store = await _db.OpenAsync())
        {
            await store.StoreAsync(TestArticles.Full());
        }

        await using (var again = await _db.OpenAsync())
        {
            Assert.Equal(SqliteMigrations.LatestVersion, again.SchemaVersion);
            Assert.Equal(StoreStatus.Unchanged, (await again.StoreAsync(TestArticles.Full())).Status);
        }

        using var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT group_concat(version) FROM schema_version ORDER BY version;";
        Assert.Equal(string.Join(',', SqliteMigrations.Scripts.Select(s => s.Version)), cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public async Task OpenAsync_NewerSchema_Refused()
    {
        await using (var store = await _db.OpenAsync())
        {
        }

        using (var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (999, 'future', '2030-01-01');";
            cmd.ExecuteNonQuery();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.OpenAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.OpenAsync(readOnly: true));
    }

    [Fact]
    public async Task StoreAsync_ConcurrentWritersAndReaders_AllStored()
    {
        await using var store = await _db.OpenAsync();
        var writes = Enumerable.Range(0, 24).Select(i => Task.Run(() => store.StoreAsync(TestArticles.Full(url: $"https://example.test/{i}"))));
        var reads = Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.QueryEventsAsync(new EventQuery { Country = "JPN" })));

        var outcomes = await Task.WhenAll(writes);
        await Task.WhenAll(reads);

        Assert.All(outcomes, o => Assert.Equal(StoreStatus.Stored, o.Status));
        Assert.Equal(24, outcomes.Select(o => o.ArticleId).Distinct().Count());
        Assert.Equal(48, (await store.GetStatsAsync()).Events);
    }

    [Fact]
    public async Task StoreAsync_OtherProcessHoldsWriteLockBriefly_WaitsAndStores()
    {
        await using var store = await _db.OpenAsync(new EventStoreOptions { BusyTimeout = TimeSpan.FromSeconds(1) });
        using var other = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        other.Open();
        var lockTx = other.BeginTransaction(deferred: false);

        var storing = store.StoreAsync(TestArticles.Full());
        await Task.Delay(300);
        bool finishedWhileLocked = storing.IsCompleted;
        lockTx.Rollback();
        var outcome = await storing;

        Assert.False(finishedWhileLocked);
        Assert.Equal(StoreStatus.Stored, outcome.Status);
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyBesideWriter_SeesCommittedArticles()
    {
        await using var writer = await _db.OpenAsync();
        await writer.StoreAsync(TestArticles.Full());
        await using var reader = await _db.OpenAsync(readOnly: true);

        await writer.StoreAsync(TestArticles.Full(url: "https://example.test/2"));

        Assert.Equal(2, (await reader.GetStatsAsync()).Articles);
        Assert.Equal(2, (await reader.QueryEventsAsync(new EventQuery { Dyad = new CountryPair("RUS", "JPN") })).Count);
    }

    [Fact]
    public async Task GetStatsAsync_FullDocument_CountsRows()
    {
        await using var store = await _db.OpenAsync();
        await store.StoreAsync(TestArticles.Full());

        var stats = await store.GetStatsAsync();

        Assert.Equal(
            new StoreStats(SqliteMigrations.LatestVersion, 1, 2, 3, 6, 2, 2, 2, new DateOnly(2016, 10, 2), new DateOnly(2016, 12, 31)),
            stats);
    }

    private List<string> Tables()
    {
        using var c = new SqliteConnection($"Data Source={_db.Path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }
}
