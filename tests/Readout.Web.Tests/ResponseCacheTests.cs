using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Readout.Core;
using Readout.Nlp;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Web.Tests;

/// <summary>Read answers are served again from the response cache only while the store is unchanged.</summary>
[Collection(ServerGroup.Name)]
public sealed class ResponseCacheTests(ServerFixture server)
{
    private const string Path = "/api/v1/events?actor=Widodo&limit=50";

    private const string Text =
        "JAKARTA (Test Wire) - Indonesian President Joko Widodo met Japanese Prime Minister Fumio Kishida in Jakarta on Tuesday to discuss maritime security.";

    [Fact]
    public async Task Get_SameQueryAgain_ServedFromTheCache()
    {
        var (first, firstAge) = await GetAsync(server.Client, "/api/v1/events?country=JPN&limit=5");
        var (second, secondAge) = await GetAsync(server.Client, "/api/v1/events?country=JPN&limit=5");

        Assert.Equal(first, second);
        Assert.Null(firstAge);
        Assert.NotNull(secondAge);
    }

    [Fact]
    public async Task Get_AfterIngestionByThisServer_SeesTheNewEvents()
    {
        string db = System.IO.Path.Combine(server.Folder, "cache-ingest.db");
        File.Copy(server.SamplesDb, db, overwrite: true);
        await using var app = await ServerFixture.StartAsync(new ReadoutWebOptions
        {
            DbPath = db, Urls = "http://127.0.0.1:0", Logging = false, ApiToken = ServerFixture.Token, PipelineFactory = () => server.Pipeline,
        });
        using var http = new HttpClient { BaseAddress = new Uri(ReadoutServer.Addresses(app)[0]) };
        int before = await CountAsync(http);
        var (_, cachedAge) = await GetAsync(http, Path);
        Assert.NotNull(cachedAge); // served from the cache: what follows tests its invalidation

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles")
        {
            Content = new StringContent(new JsonObject { ["id"] = "cache-1", ["source"] = "Test Wire", ["published"] = "2024-06-04T08:00:00Z", ["text"] = Text }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.Token);
        using var stored = await http.SendAsync(post);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());

        Assert.True(await CountAsync(http) > before, "the cached listing from before the ingestion was served again");
        await app.StopAsync();
    }

    [Fact]
    public async Task Get_AfterAnotherProcessWritesTheFile_SeesTheNewEvents()
    {
        string db = System.IO.Path.Combine(server.Folder, "cache-external.db");
        File.Copy(server.SamplesDb, db, overwrite: true);
        await using var app = await ServerFixture.StartAsync(new ReadoutWebOptions { DbPath = db, Urls = "http://127.0.0.1:0", Logging = false });
        using var http = new HttpClient { BaseAddress = new Uri(ReadoutServer.Addresses(app)[0]) };
        int before = await CountAsync(http);
        var (_, cachedAge) = await GetAsync(http, Path);
        Assert.NotNull(cachedAge); // served from the cache: what follows tests its invalidation
        int actorsBefore = await ActorEventsAsync(http);

        // Another writer on the same file, as `readout ingest` in another process would be.
        var doc = new Document("cache-2", Text, new DocumentMetadata { Source = "Test Wire", Published = new DateTimeOffset(2024, 6, 4, 8, 0, 0, TimeSpan.Zero) });
        Assert.True(server.Pipeline.Process(doc));
        await using (var writer = await SqliteEventStore.OpenAsync(db, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version }))
        {
            await writer.StoreAsync(doc);
        }

        Assert.True(await CountAsync(http) > before, "the cached listing from before the write was served again");
        Assert.True(await ActorEventsAsync(http) > actorsBefore, "the cached actor counts from before the write were served again");
        await app.StopAsync();
    }

    /// <summary>Events of the actors named like Widodo, from the aggregate (cached) actor list.</summary>
    private static async Task<int> ActorEventsAsync(HttpClient http)
    {
        var (body, _) = await GetAsync(http, "/api/v1/actors?q=Widodo");
        return JsonNode.Parse(body)!["items"]!.AsArray().Sum(a => a!["events"]!.GetValue<int>());
    }

    private static async Task<int> CountAsync(HttpClient http)
    {
        var (body, _) = await GetAsync(http, Path);
        return JsonNode.Parse(body)!["items"]!.AsArray().Count;
    }

    private static async Task<(string Body, TimeSpan? Age)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age);
    }
}
