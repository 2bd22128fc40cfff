using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Web.Tests;

[Collection(ServerGroup.Name)]
public sealed class ApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<JsonNode> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        using var response = await (client ?? _client).GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<List<JsonNode>> AllEventsAsync(string filters, int pageSize = 7, HttpClient? client = null)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        for (int page = 0; page < 1000; page++)
        {
            var json = await GetJsonAsync($"/api/v1/events?limit={pageSize}{filters}{(cursor is null ? "" : "&cursor=" + cursor)}", client: client);
            all.AddRange(json["items"]!.AsArray().Select(n => n!));
            cursor = json["next_cursor"]?.GetValue<string>();
            if (cursor is null)
            {
                return all;
            }
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    [Fact]
    public async Task WarmUp_AsksForEveryRequestOfTheOverview_AllAnswered()
    {
        Assert.Equal(ReadoutServer.FirstViewPaths.Length, await ReadoutServer.WarmUpAsync(server.ReadOnlyApp));
    }

    [Fact]
    public async Task Events_PagedWithCursor_ReturnEveryEventOnceInDateOrder()
    {
        var stats = await GetJsonAsync("/api/v1/stats");
        var events = await AllEventsAsync("");
        var ids = events.Select(e => e["id"]!.GetValue<long>()).ToList();
        Assert.Equal(stats["events"]!.GetValue<long>(), ids.Count);
        Assert.True(ids.Count > 10, "the samples should give more than 10 events");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var keys = events.Select(e => e["date_start"]?.GetValue<string>() ?? "9999-12-31").ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Events_DyadFilter_OnlyEventsBetweenThePairInEitherDirection()
    {
        var events = await AllEventsAsync("&dyad=vnm,JPN");
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            var pair = new[] { e["source"]!["country"]!.GetValue<string>(), e["target"]!["country"]!.GetValue<string>() }.Order().ToArray();
            Assert.Equal(["JPN", "VNM"], pair);
        });
        Assert.Contains(events, e => e["source"]!["country"]!.GetValue<string>() == "JPN");
        Assert.Contains(events, e => e["source"]!["country"]!.GetValue<string>() == "VNM");
    }

    [Fact]
    public async Task Events_TypeModalityAndDates_EveryFilterHolds()
    {
        var all = await AllEventsAsync("", pageSize: 500);
        var filtered = await AllEventsAsync("&type=consult&modality=planned&from=2023-01-01&to=2024-12-31");
        var expected = all.Where(e => e["type"]!.GetValue<string>() == "CONSULT" && e["modality"]!.GetValue<string>() == "planned"
            && e["date_start"] is { } d && string.CompareOrdinal(d.GetValue<string>(), "2023-01-01") >= 0 && string.CompareOrdinal(d.GetValue<string>(), "2024-12-31") <= 0)
            .Select(e => e["id"]!.GetValue<long>()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Select(e => e["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Events_TextQuery_MatchesEvidenceSentences()
    {
        var all = await AllEventsAsync("", pageSize: 500);
        var sample = all.First(e => e["type"]!.GetValue<string>() == "ASSAULT");
        var sentence = sample["sentence"]!;
        string trigger = sentence["text"]!.GetValue<string>()[
            (sample["trigger"]!["start"]!.GetValue<int>() - sentence["start"]!.GetValue<int>())..(sample["trigger"]!["end"]!.GetValue<int>() - sentence["start"]!.GetValue<int>())];
        var events = await AllEventsAsync("&q=" + Uri.EscapeDataString(trigger));
        Assert.Contains(events, e => e["id"]!.GetValue<long>() == sample["id"]!.GetValue<long>());
        Assert.True(events.Count < all.Count, "a text query should filter");
        Assert.Empty(await AllEventsAsync("&q=zyzzyvaqq"));
    }

    [Theory]
    [InlineData("/api/v1/events?country=JP", "country")]
    [InlineData("/api/v1/events?dyad=JPN", "dyad")]
    [InlineData("/api/v1/events?type=hug", "type")]
    [InlineData("/api/v1/events?modality=maybe", "modality")]
    [InlineData("/api/v1/events?from=2024-13-01", "from")]
    [InlineData("/api/v1/events?from=2024-02-01&to=2024-01-01", "from")]
    [InlineData("/api/v1/events?limit=0", "limit")]
    [InlineData("/api/v1/events?limit=501", "limit")]
    [InlineData("/api/v1/events?limit=ten", "limit")]
    [InlineData("/api/v1/events?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/events?countri=JPN", "countri")]
    [InlineData("/api/v1/events?type=1", "type")]
    [InlineData("/api/v1/events?explain=yes", "explain")]
    [InlineData("/api/v1/events?country=JPN&country=RUS", "country")]
    [InlineData("/api/v1/search?q=%22%22", "q")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/dyads/JPN/XX/timeline", "second")]
    [InlineData("/api/v1/dyads/JPN/VNM/timeline?bucket=year", "bucket")]
    [InlineData("/api/v1/network?level=galaxy", "level")]
    [InlineData("/api/v1/places?limit=100000", "limit")]
    public async Task Get_InvalidParameter_Returns400NamingTheParameter(string path, string parameter)
    {
        var problem = await GetJsonAsync(path, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(parameter), $"errors: {errors.ToJsonString()}");
        Assert.Contains(parameter, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_Explanation_OnlyWhenAsked()
    {
        var plain = (await GetJsonAsync("/api/v1/events?dyad=JPN,IDN&limit=3"))["items"]!.AsArray();
        var explained = (await GetJsonAsync("/api/v1/events?dyad=JPN,IDN&limit=3&explain=true"))["items"]!.AsArray();
        Assert.Equal(3, plain.Count);
        Assert.All(plain, e => Assert.Null(e!["explanation"]));
        Assert.Equal(plain.Select(e => e!["id"]!.GetValue<long>()), explained.Select(e => e!["id"]!.GetValue<long>()));
        Assert.All(explained, e => Assert.Contains(e!["explanation"]!.AsArray(), line => line!.GetValue<string>().StartsWith("Date: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Event_ById_HasEvidenceSpansRuleExplanationAndArticle()
    {
        var first = (await GetJsonAsync("/api/v1/events?dyad=JPN,IDN&limit=1"))["items"]![0]!;
        long id = first["id"]!.GetValue<long>();
        var detail = await GetJsonAsync($"/api/v1/events/{id}");
        var ev = detail["event"]!;
        Assert.Equal(id, ev["id"]!.GetValue<long>());
        Assert.StartsWith("lexicon:", ev["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ev["explanation"]!.AsArray(), line => line!.GetValue<string>().StartsWith("Source: ", StringComparison.Ordinal));

        var article = await GetJsonAsync($"/api/v1/articles/{ev["article_id"]!.GetValue<long>()}");
        string text = article["text"]!.GetValue<string>();
        var evidence = detail["evidence"]!.AsArray();
        Assert.NotEmpty(evidence);
        foreach (var span in evidence)
        {
            int start = span!["start"]!.GetValue<int>(), end = span["end"]!.GetValue<int>();
            Assert.Equal(text[start..end], span["text"]!.GetValue<string>());
        }

        var trigger = ev["trigger"]!;
        var sentence = ev["sentence"]!;
        Assert.Equal(text[sentence["start"]!.GetValue<int>()..sentence["end"]!.GetValue<int>()], sentence["text"]!.GetValue<string>());
        Assert.InRange(trigger["start"]!.GetValue<int>(), sentence["start"]!.GetValue<int>(), sentence["end"]!.GetValue<int>());
        Assert.Contains(article["events"]!.AsArray(), e => e!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task EventAndArticle_Unknown_Return404()
    {
        await GetJsonAsync("/api/v1/events/999999", HttpStatusCode.NotFound);
        await GetJsonAsync("/api/v1/articles/999999", HttpStatusCode.NotFound);
        await GetJsonAsync("/api/v1/nothing-here", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Actors_ListAndEvents_CountsAgree()
    {
        var actors = (await GetJsonAsync("/api/v1/actors?limit=500"))["items"]!.AsArray();
        Assert.NotEmpty(actors);
        var counts = actors.Select(a => a!["events"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        var japan = actors.First(a => a!["name"]!.GetValue<string>() == "Japan")!;
        var events = (await GetJsonAsync("/api/v1/actors/Japan/events?limit=500"))["items"]!.AsArray();
        int exact = events.Count(e => e!["source"]?["name"]?.GetValue<string>() == "Japan")
            + events.Count(e => e!["target"]?["name"]?.GetValue<string>() == "Japan");
        Assert.Equal(japan["events"]!.GetValue<int>(), exact);

        var filtered = (await GetJsonAsync("/api/v1/actors?q=jap&country=JPN"))["items"]!.AsArray();
        Assert.All(filtered, a => Assert.Contains("jap", a!["name"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("month")]
    public async Task Timeline_Dyad_CountsMatchTheEventList(string bucket)
    {
        // The samples date one VNM–JPN event to 1973 (relations established): a daily series from then
        // would exceed the 5,000-period limit, so the comparison covers the articles' own years.
        var timeline = await GetJsonAsync($"/api/v1/dyads/VNM/JPN/timeline?bucket={bucket}&from=2020-01-01");
        var events = await AllEventsAsync("&dyad=JPN,VNM&from=2020-01-01", pageSize: 500);
        var dated = events.Where(e => e["date_start"] is not null).ToList();
        Assert.Equal(dated.Count, timeline["total"]!.GetValue<int>());
        var periods = timeline["periods"]!.AsArray();
        Assert.Equal(dated.Count, periods.Sum(p => p!["total"]!.GetValue<int>()));
        var starts = periods.Select(p => DateOnly.Parse(p!["start"]!.GetValue<string>())).ToList();
        Assert.Equal(starts.Order(), starts);
        if (bucket == "week")
        {
            Assert.All(starts, s => Assert.Equal(DayOfWeek.Monday, s.DayOfWeek));
        }

        foreach (var type in dated.GroupBy(e => e["type"]!.GetValue<string>()))
        {
            Assert.Equal(type.Count(), periods.Sum(p => p!["counts"]![type.Key]?.GetValue<int>() ?? 0));
        }

        double score = timeline["score"]!.GetValue<double>();
        Assert.InRange(score, -10, 10);
    }

    [Fact]
    public async Task Network_Countries_EdgesCountEventsWithTwoCountries()
    {
        var network = await GetJsonAsync("/api/v1/network?level=country");
        var events = await AllEventsAsync("", pageSize: 500);
        int withBoth = events.Count(e => e["source"]?["country"] is not null && e["target"]?["country"] is not null);
        var edges = network["edges"]!.AsArray();
        Assert.Equal(withBoth, edges.Sum(e => e!["events"]!.GetValue<int>()));
        Assert.All(edges, e => Assert.True(e!["cooperation"]!.GetValue<int>() + e["conflict"]!.GetValue<int>() <= e["events"]!.GetValue<int>()));
        var nodes = network["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        Assert.All(edges, e => Assert.Contains(e!["source"]!.GetValue<string>(), nodes));

        var actors = await GetJsonAsync("/api/v1/network?level=actor&type=consult");
        Assert.NotEmpty(actors["edges"]!.AsArray());
    }

    [Fact]
    public async Task Places_CountLocatedEvents()
    {
        var places = (await GetJsonAsync("/api/v1/places"))["items"]!.AsArray();
        var events = await AllEventsAsync("", pageSize: 500);
        int located = events.Count(e => e["location"]?["latitude"] is not null);
        Assert.Equal(located, places.Sum(p => p!["events"]!.GetValue<int>()));
        Assert.All(places, p => Assert.InRange(p!["latitude"]!.GetValue<double>(), -90, 90));
        // "country" is an event filter (either side of the event), not the place's own country: a
        // Japanese event may happen at sea or abroad. The counts must match the filtered events.
        var japan = (await GetJsonAsync("/api/v1/places?country=JPN"))["items"]!.AsArray();
        var japanEvents = await AllEventsAsync("&country=JPN", pageSize: 500);
        Assert.Equal(japanEvents.Count(e => e["location"]?["latitude"] is not null), japan.Sum(p => p!["events"]!.GetValue<int>()));
        Assert.NotEmpty(japan);
    }

    [Fact]
    public async Task Search_FindsArticles_WithHighlightRangesOnPlainText()
    {
        var result = await GetJsonAsync("/api/v1/search?q=drills");
        var hits = result["items"]!.AsArray();
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            string snippet = hit!["snippet"]!.GetValue<string>();
            Assert.DoesNotContain('\u0002', snippet);
            var marks = hit["highlights"]!.AsArray();
            Assert.NotEmpty(marks);
            foreach (var m in marks)
            {
                Assert.StartsWith("drill", snippet[m!["start"]!.GetValue<int>()..m["end"]!.GetValue<int>()], StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Countries_ListDyadsWithTheirEventCounts()
    {
        var list = await GetJsonAsync("/api/v1/countries");
        var dyad = list["dyads"]!.AsArray().First(d => d!["first"]!.GetValue<string>() == "JPN" && d["second"]!.GetValue<string>() == "VNM")!;
        var events = await AllEventsAsync("&dyad=JPN,VNM", pageSize: 500);
        Assert.Equal(events.Count, dyad["events"]!.GetValue<int>());
        Assert.Contains(list["countries"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "JPN");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheVersionedEndpoints()
    {
        var doc = await GetJsonAsync("/openapi.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in (string[])["/api/v1/events", "/api/v1/events/{id}", "/api/v1/articles/{id}", "/api/v1/actors", "/api/v1/dyads/{first}/{second}/timeline", "/api/v1/network", "/api/v1/places", "/api/v1/search", "/api/v1/articles"])
        {
            Assert.Contains(expected, paths);
        }

        var parameters = doc["paths"]!["/api/v1/events"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("dyad", parameters);
        Assert.Contains("cursor", parameters);
    }

    [Fact]
    public async Task Dashboard_AssetsServedLocallyWithSecurityHeaders()
    {
        using var page = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        string csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        foreach (var name in (string[])["app.js", "app.css", "world.json"])
        {
            using var asset = await _client.GetAsync("/assets/" + name);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            // The SVG namespace is a name, not a fetch.
            string body = (await asset.Content.ReadAsStringAsync()).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", body);
            using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/" + name);
            again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
            using var cached = await _client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        }

        string html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"(?i)(src|href)=""(https?:)?//", html);
    }

    [Fact]
    public async Task Post_ServerWithoutToken_Returns403AndStoreIsReadOnly()
    {
        using var content = new StringContent("""{"id":"x","text":"Japan met Russia."}""", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/v1/articles", content);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var store = (SqliteEventStore)server.ReadOnlyApp.Services.GetRequiredService<IEventStore>();
        Assert.True(store.IsReadOnly);
    }

    [Fact]
    public async Task Post_MissingOrWrongToken_Returns401()
    {
        using var content = new StringContent("""{"id":"x","text":"Japan met Russia."}""", Encoding.UTF8, "application/json");
        using var missing = await server.Writer.PostAsync("/api/v1/articles", content);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        wrong.Headers.Authorization = new("Bearer", ServerFixture.Token + "x");
        using var denied = await server.Writer.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task Post_WithToken_CodesAndStoresTheBatch()
    {
        const string Body = """
            [{"id":"api-1","url":"https://news.example/api/1","source":"Test Wire","published":"2024-06-03T08:00:00Z","title":"Ministers meet",
              "text":"TOKYO (Test Wire) - Japanese Prime Minister Fumio Kishida met Indonesian President Joko Widodo in Tokyo on Monday to discuss maritime security."},
             {"id":"api-2","source":"Test Wire","text":""}]
            """;
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(Body, Encoding.UTF8, "application/json"));
        using var response = await server.Writer.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var result = JsonNode.Parse(text)!;
        Assert.Equal(1, result["stored"]!.GetValue<int>());
        Assert.Equal(1, result["skipped"]!.GetValue<int>());
        var stored = result["articles"]!.AsArray().First(a => a!["status"]!.GetValue<string>() == "stored")!;
        long articleId = stored["article_id"]!.GetValue<long>();

        var article = await GetJsonAsync($"/api/v1/articles/{articleId}", client: server.Writer);
        Assert.Equal("Ministers meet", article["title"]!.GetValue<string>());
        Assert.Equal(stored["events"]!.GetValue<int>(), article["events"]!.AsArray().Count);
        Assert.Contains(article["events"]!.AsArray(), e => e!["date_start"]?.GetValue<string>() == "2024-06-03");

        using var again = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(Body, Encoding.UTF8, "application/json"));
        var repeat = JsonNode.Parse(await (await server.Writer.SendAsync(again)).Content.ReadAsStringAsync())!;
        Assert.Equal(1, repeat["unchanged"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("text/plain", "Japan met Russia.", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[1, 2]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", """{"id":"empty","text":"   "}""", HttpStatusCode.UnprocessableEntity)]
    public async Task Post_BadBody_ReturnsClearError(string mediaType, string body, HttpStatusCode expected)
    {
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(body, Encoding.UTF8, mediaType));
        using var response = await server.Writer.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413()
    {
        string big = new('a', 300 * 1024);
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles",
            new StringContent($$"""{"id":"big","text":"{{big}}"}""", Encoding.UTF8, "application/json"));
        using var response = await server.Writer.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_TooManyArticles_Returns400()
    {
        string body = "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"id":"n{{i}}","text":"x"}""")) + "]";
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(body, Encoding.UTF8, "application/json"));
        using var response = await server.Writer.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
