using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Readout.Core.Pipeline;
using Readout.Ingest;
using Readout.Nlp;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Web.Tests;

/// <summary>
/// A real store coded from samples/ by the standard pipeline, served by two real Kestrel hosts on
/// 127.0.0.1 ports chosen by the OS: a read-only one (no token) over the store, and a writable one
/// (with a token) over a copy of it, which the ingestion tests change.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Token = "test-token-0123456789abcdef";

    private readonly string _folder = Directory.CreateTempSubdirectory("readout-web-").FullName;

    public WebApplication ReadOnlyApp { get; private set; } = null!;

    public WebApplication WritableApp { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Writer { get; private set; } = null!;

    public Uri BaseAddress => Client.BaseAddress!;

    public Pipeline Pipeline { get; private set; } = null!;

    /// <summary>The store coded from samples/ (served read-only; copy it before changing it).</summary>
    public string SamplesDb => Path.Combine(_folder, "samples.db");

    public string Folder => _folder;

    public static string RepositoryRoot => ReadoutPipeline.FindDataRoot();

    public async Task InitializeAsync()
    {
        Pipeline = ReadoutPipeline.Build(ReadoutPipeline.Load(RepositoryRoot));
        string db = Path.Combine(_folder, "samples.db");
        await IngestSamplesAsync(db, Pipeline);
        string copy = Path.Combine(_folder, "writable.db");
        File.Copy(db, copy);

        ReadOnlyApp = await StartAsync(new ReadoutWebOptions { DbPath = db, Urls = "http://127.0.0.1:0", Logging = false });
        WritableApp = await StartAsync(new ReadoutWebOptions
        {
            DbPath = copy, Urls = "http://127.0.0.1:0", Logging = false, ApiToken = Token, PipelineFactory = () => Pipeline,
            MaxRequestBodyBytes = 256 * 1024,
        });
        Client = new HttpClient { BaseAddress = new Uri(ReadoutServer.Addresses(ReadOnlyApp)[0]), Timeout = TimeSpan.FromSeconds(60) };
        Writer = new HttpClient { BaseAddress = new Uri(ReadoutServer.Addresses(WritableApp)[0]), Timeout = TimeSpan.FromSeconds(120) };
    }

    public HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    /// <summary>Codes and stores every sample article, as `readout ingest samples/` does.</summary>
    public static async Task IngestSamplesAsync(string db, Pipeline pipeline)
    {
        await using var store = await SqliteEventStore.OpenAsync(db, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version });
        var reader = new ArticleReader(new ReaderOptions());
        await foreach (var item in reader.ReadAsync([Path.Combine(RepositoryRoot, "samples")]))
        {
            if (item.Document is { } doc && pipeline.Process(doc))
            {
                await store.StoreAsync(doc);
            }
        }
    }

    public static async Task<WebApplication> StartAsync(ReadoutWebOptions options)
    {
        var app = await ReadoutServer.CreateAsync(options);
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Writer?.Dispose();
        if (ReadOnlyApp is not null)
        {
            await ReadOnlyApp.StopAsync();
            await ReadOnlyApp.DisposeAsync();
        }

        if (WritableApp is not null)
        {
            await WritableApp.StopAsync();
            await WritableApp.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerGroup : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
