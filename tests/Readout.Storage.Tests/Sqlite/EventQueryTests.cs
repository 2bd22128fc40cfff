using Readout.Core.Layers;
using Readout.Storage.Sqlite;

namespace Readout.Storage.Tests.Sqlite;

/// <summary>Every filter of <see cref="EventQuery"/> against a small corpus of one-event articles.</summary>
public sealed class EventQueryTests : IAsyncLifetime
{
    private static readonly (string Key, string Sentence, EventType Type, string? Src, string? SrcC, string? Tgt, string? TgtC, string? Date, Modality Modality)[] Corpus =
    [
        ("jr1", "Japan hosted Russian talks on islands.", EventType.Consult, "Shinzo Abe", "JPN", "Vladimir Putin", "RUS", "2016-10-02", Modality.Asserted),
        ("rj1", "Russia signed a fisheries accord with Japan.", EventType.Agree, "Vladimir Putin", "RUS", "Shinzo Abe", "JPN", "2016-12", Modality.Asserted),
        ("jc1", "Japan protested Chinese patrols.", EventType.Protest, "Japan", "JPN", "China", "CHN", "2016-11-30", Modality.Asserted),
        ("tr1", "Turkey will host Erdoğan talks with Japan.", EventType.Consult, "Recep Tayyip ERDOĞAN", "TUR", "Japan", "JPN", "2016-12-02", Modality.Planned),
        ("ru1", "Russia denied troop movements.", EventType.Mobilize, "Russia", "RUS", null, null, null, Modality.Negated),
        ("us1", "Washington threatened sanctions over islands.", EventType.Threaten, "United States", "USA", "China", "CHN", "2017", Modality.Hypothetical),
    ];

    private readonly TempDatabase _db = new();
    private readonly Dictionary<long, string> _keyOfEvent = [];
    private SqliteEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _db.OpenAsync();
        foreach (var c in Corpus)
        {
            await _store.StoreAsync(TestArticles.OneEvent(c.Key, c.Sentence, c.Type, c.Src, c.SrcC, c.Tgt, c.TgtC, c.Date, c.Modality));
        }

        foreach (var e in await _store.QueryEventsAsync(new EventQuery()))
        {
            _keyOfEvent[e.Id] = e.Article.Url!;
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task QueryEventsAsync_NoFilter_OrderedByDateUndatedLast()
    {
        Assert.Equal(["jr1", "jc1", "rj1", "tr1", "us1", "ru1"], await Keys(new EventQuery()));
    }

    [Fact]
    public async Task QueryEventsAsync_Country_MatchesEitherSide()
    {
        Assert.Equal(["jr1", "jc1", "rj1", "tr1"], await Keys(new EventQuery { Country = "JPN" }));
        Assert.Equal(["jc1", "us1"], await Keys(new EventQuery { Country = "chn" }));
    }

    [Theory]
    [InlineData("JPN", "RUS")]
    [InlineData("RUS", "JPN")]
    public async Task QueryEventsAsync_Dyad_MatchesBothDirections(string first, string second)
    {
        Assert.Equal(["jr1", "rj1"], await Keys(new EventQuery { Dyad = new CountryPair(first, second) }));
    }

    [Theory]
    [InlineData("putin", new[] { "jr1", "rj1" })]
    [InlineData("ABE", new[] { "jr1", "rj1" })]
    [InlineData("erdoğan", new[] { "tr1" })]
    [InlineData("nobody", new string[0])]
    public async Task QueryEventsAsync_Actor_CaseInsensitiveSubstringOfEitherSide(string actor, string[] expected)
    {
        Assert.Equal(expected, await Keys(new EventQuery { Actor = actor }));
    }

    [Fact]
    public async Task QueryEventsAsync_ActorOnBothSides_EachEventOnce()
    {
        // 'a' is in a name of every event, in both names of most: the two sides are separate branches.
        Assert.Equal(["jr1", "jc1", "rj1", "tr1", "us1", "ru1"], await Keys(new EventQuery { Actor = "A" }));
    }

    [Fact]
    public async Task QueryEventsAsync_ActorWithDyadAndCountry_PagesInOrder()
    {
        var query = new EventQuery { Actor = "putin", Dyad = new CountryPair("rus", "jpn"), Country = "JPN", Limit = 1 };
        var first = await _store.QueryEventsAsync(query);
        var second = await _store.QueryEventsAsync(query with { AfterId = first[^1].Id });
        var third = await _store.QueryEventsAsync(query with { AfterId = second[^1].Id });

        Assert.Equal(["jr1"], first.Select(e => _keyOfEvent[e.Id]));
        Assert.Equal(["rj1"], second.Select(e => _keyOfEvent[e.Id]));
        Assert.Empty(third);
    }

    [Fact]
    public async Task QueryEventsAsync_Type_OnlyThatType()
    {
        Assert.Equal(["jr1", "tr1"], await Keys(new EventQuery { Type = EventType.Consult }));
    }

    [Fact]
    public async Task QueryEventsAsync_DateRange_MonthPrecisionCountsAsFirstDay()
    {
        Assert.Equal(["jc1", "rj1"], await Keys(new EventQuery { From = new DateOnly(2016, 11, 15), To = new DateOnly(2016, 12, 1) }));
        Assert.Equal(["tr1", "us1"], await Keys(new EventQuery { From = new DateOnly(2016, 12, 2) }));
        Assert.Equal(["jr1"], await Keys(new EventQuery { To = new DateOnly(2016, 10, 2) }));
        Assert.Equal(["us1"], await Keys(new EventQuery { From = new DateOnly(2017, 1, 1), To = new DateOnly(2017, 1, 1) }));
    }

    [Fact]
    public async Task QueryEventsAsync_Modality_OnlyThatModality()
    {
        Assert.Equal(["tr1"], await Keys(new EventQuery { Modality = Modality.Planned }));
        Assert.Equal(["ru1"], await Keys(new EventQuery { Modality = Modality.Negated }));
    }

    [Fact]
    public async Task QueryEventsAsync_Text_MatchesEvidenceSentenceWithStemming()
    {
        Assert.Equal(["jr1", "us1"], await Keys(new EventQuery { Text = "island" }));
        Assert.Equal(["rj1"], await Keys(new EventQuery { Text = "fisheries accord" }));
        Assert.Equal(["jc1", "rj1"], await Keys(new EventQuery { Text = "accord OR patrols" }));
    }

    [Fact]
    public async Task QueryEventsAsync_TextMatchingEveryEvent_ReadInDateOrder()
    {
        // Six matches of six events: the plan that reads events in date order and checks each one.
        const string Every = "japan OR russia OR washington";
        Assert.Equal(["jr1", "jc1", "rj1", "tr1", "us1", "ru1"], await Keys(new EventQuery { Text = Every }));
        Assert.Equal(["jr1", "jc1", "rj1", "tr1"], await Keys(new EventQuery { Text = Every, Country = "JPN" }));
        var first = await _store.QueryEventsAsync(new EventQuery { Text = Every, Limit = 4 });
        Assert.Equal(["us1", "ru1"], await Keys(new EventQuery { Text = Every, AfterId = first[^1].Id }));
    }

    [Fact]
    public async Task QueryEventsAsync_FiltersCombined_AllMustHold()
    {
        Assert.Equal(["tr1"], await Keys(new EventQuery { Country = "JPN", Type = EventType.Consult, From = new DateOnly(2016, 11, 1) }));
    }

    [Fact]
    public async Task QueryEventsAsync_AfterIdPaging_WalksTheSameOrder()
    {
        var all = await _store.QueryEventsAsync(new EventQuery());
        var paged = new List<long>();
        long? after = null;
        while (true)
        {
            var page = await _store.QueryEventsAsync(new EventQuery { Limit = 4, AfterId = after });
            Assert.InRange(page.Count, 0, 4);
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page.Select(e => e.Id));
            after = page[^1].Id;
        }

        Assert.Equal(all.Select(e => e.Id), paged);
        Assert.Equal(6, paged.Count);
    }

    [Fact]
    public async Task QueryEventsAsync_AfterIdWithFilter_ContinuesWithinFilter()
    {
        var first = await _store.QueryEventsAsync(new EventQuery { Country = "JPN", Limit = 2 });
        var rest = await _store.QueryEventsAsync(new EventQuery { Country = "JPN", AfterId = first[^1].Id });

        Assert.Equal(["jr1", "jc1"], first.Select(e => _keyOfEvent[e.Id]));
        Assert.Equal(["rj1", "tr1"], rest.Select(e => _keyOfEvent[e.Id]));
    }

    [Fact]
    public async Task QueryEventsAsync_AfterDeletedEvent_ArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.QueryEventsAsync(new EventQuery { AfterId = 9999 }));
    }

    [Fact]
    public async Task QueryEventsAsync_LimitAboveMax_Clamped()
    {
        Assert.Equal(6, (await _store.QueryEventsAsync(new EventQuery { Limit = 50_000 })).Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.QueryEventsAsync(new EventQuery { Limit = 0 }));
    }

    [Fact]
    public async Task QueryEventsAsync_ArticleIdAndArticleText_RestrictToArticle()
    {
        var all = await _store.QueryEventsAsync(new EventQuery());
        long jc1Article = all.Single(e => _keyOfEvent[e.Id] == "jc1").ArticleId;

        Assert.Equal(["jc1"], await Keys(new EventQuery { ArticleId = jc1Article }));
        Assert.Equal(["jc1", "us1"], await Keys(new EventQuery { ArticleText = "chinese OR washington" }));
    }

    private async Task<List<string>> Keys(EventQuery query) =>
        [.. (await _store.QueryEventsAsync(query)).Select(e => _keyOfEvent[e.Id])];
}
