using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Readout.Core.Pipeline;
using Readout.Nlp;
using Readout.Storage;
using Readout.Storage.Sqlite;
using Readout.Web.Api;
using Readout.Web.Assets;

namespace Readout.Web;

/// <summary>
/// The HTTP API (<c>/api/v1</c>, OpenAPI at <c>/openapi.json</c>) and the dashboard (<c>/</c>) in one
/// Kestrel host over one SQLite store. The store is opened read-only unless an API token is given.
/// </summary>
public static class ReadoutServer
{
    /// <summary>Opens the store and builds the application; the caller starts it
    /// (<see cref="WebApplication.StartAsync"/> or <c>RunAsync</c>) and disposes it, which closes the store.</summary>
    /// <exception cref="FileNotFoundException">No store at the path and no token (read-only needs a file).</exception>
    /// <exception cref="InvalidOperationException">The store's schema does not match this program.</exception>
    public static async Task<WebApplication> CreateAsync(ReadoutWebOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool writable = options.ApiToken is not null;
        var store = await SqliteEventStore.OpenAsync(
            options.DbPath,
            new EventStoreOptions { ReadOnly = !writable, PipelineVersion = ReadoutPipeline.Version },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            if (!options.Logging)
            {
                builder.Logging.ClearProviders();
            }

            builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
                k.Limits.MaxRequestLineSize = 8 * 1024;
                k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
                k.Limits.MaxConcurrentConnections = 512;
            });
            builder.Services.ConfigureHttpJsonOptions(j =>
            {
                j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                j.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            });
            builder.Services.AddProblemDetails();
            builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Readout API";
                doc.Info.Version = "v1";
                doc.Info.Description = "Coded international events (who did what to whom, when, where, modality) with their evidence.";
                return Task.CompletedTask;
            }));
            builder.Services.AddOutputCache(o =>
            {
                // Paths hold case-sensitive values (actor names); the default folds them.
                o.UseCaseSensitivePaths = true;
                o.SizeLimit = 128L * 1024 * 1024;
                o.MaximumBodySize = 16L * 1024 * 1024;
                if (options.ResponseCacheTime > TimeSpan.Zero)
                {
                    o.AddPolicy(StoreCache.Policy, b => b.Expire(options.ResponseCacheTime).VaryByValue(StoreCache.Stamp));
                }
            });
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton<IEventStore>(_ => store);
            builder.Services.AddSingleton(new WriteGate(options.ApiToken));
            builder.Services.AddSingleton(sp => new AggregateCache(sp.GetRequiredService<IEventStore>(), options.AggregateCacheTime, TimeProvider.System));
            Func<Pipeline> factory = options.PipelineFactory ?? (() => ReadoutPipeline.Build(ReadoutPipeline.Load(ReadoutPipeline.FindDataRoot())));
            builder.Services.AddSingleton(sp => new IngestService(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<AggregateCache>(), new Lazy<Pipeline>(factory)));

            var app = builder.Build();
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseStatusCodePages();
            app.Use(SecurityHeaders);
            app.UseOutputCache();
            app.MapOpenApi("/openapi.json");
            var api = app.MapGroup("/api/v1");
            var reads = api.MapGroup("");
            if (options.ResponseCacheTime > TimeSpan.Zero)
            {
                reads.CacheOutput(StoreCache.Policy);
            }

            ReadRoutes.Map(reads);
            IngestRoute.Map(api);
            api.MapFallback(() => Results.Problem("No such API endpoint; see /openapi.json.", statusCode: StatusCodes.Status404NotFound, title: "Not found"));
            EmbeddedAssets.Map(app);
            if (writable)
            {
                _ = app.Services.GetRequiredService<IngestService>().WarmUpAsync();
            }

            return app;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The requests of the dashboard's first view (the overview), which <see cref="WarmUpAsync"/> sends.</summary>
    internal static readonly string[] FirstViewPaths = ["/", "/assets/app.js", "/assets/app.css", "/api/v1/stats", "/api/v1/countries", "/api/v1/events?limit=10"];

    /// <summary>
    /// Sends the overview's requests to the started server once, so the first visitor does not wait for
    /// them to be compiled: on a fresh process each first request took 0.2–0.6 s (a cold first view 1.2–1.5 s
    /// over 100,000 events against ≈ 0.35 s warm). Answers are not checked here; it returns how many were 200.
    /// </summary>
    public static async Task<int> WarmUpAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = Addresses(app).Select(a => new UriBuilder(a)).FirstOrDefault();
        if (address is null)
        {
            return 0;
        }

        // A wildcard listen address (0.0.0.0, [::], +, *) is reached through loopback.
        if (address.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            address.Host = "127.0.0.1";
        }

        using var http = new HttpClient { BaseAddress = address.Uri, Timeout = TimeSpan.FromSeconds(30) };
        int ok = 0;
        foreach (string path in FirstViewPaths)
        {
            try
            {
                using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
                ok += response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The server is still reachable to its users; warming up is only an optimisation.
            }
        }

        return ok;
    }

    /// <summary>The addresses the started server listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    /// <summary>Article text is untrusted: the dashboard builds its DOM with text nodes only, and this
    /// policy forbids inline scripts, foreign origins and framing, so injected markup cannot run.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
