using Readout.Core.Pipeline;

namespace Readout.Web;

/// <summary>How <see cref="ReadoutServer"/> is set up.</summary>
public sealed record ReadoutWebOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The SQLite store file. It must exist unless <see cref="ApiToken"/> is set.</summary>
    public required string DbPath { get; init; }

    /// <summary>Semicolon-separated listen URLs; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// The bearer token that <c>POST /api/v1/articles</c> requires. When null the write endpoint is
    /// disabled and the store is opened read-only.
    /// </summary>
    public string? ApiToken { get; init; }

    /// <summary>Largest request body in bytes (ingestion); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Most articles in one ingestion request.</summary>
    public int MaxBatchArticles { get; init; } = 100;

    /// <summary>How long aggregate answers (network, places, timelines, actors) are reused.</summary>
    public TimeSpan AggregateCacheTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a read answer of the API is kept and served again as long as the store has not changed
    /// (checked on every request with <see cref="Readout.Storage.IEventStore.GetChangeStampAsync"/>, so
    /// ingestion by this server or any other process shows at once). Zero turns the cache off.
    /// </summary>
    public TimeSpan ResponseCacheTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Builds the coding pipeline for ingestion (default: the standard pipeline and data).
    /// Called once, when the first article is posted or in the background at start.</summary>
    public Func<Pipeline>? PipelineFactory { get; init; }

    /// <summary>Write the usual ASP.NET Core console log (off in tests).</summary>
    public bool Logging { get; init; } = true;
}
