using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>
/// Whole read answers of the API are cached (ASP.NET Core output caching: 200 responses to GET and
/// HEAD without credentials, keyed by path and query) under the store's change stamp, so a commit by
/// anyone makes every older answer unreachable at once. Under 16 concurrent clients on 2 cores most
/// of a filtered listing's time was the query, building the page and writing ~80 KB of JSON; a
/// dashboard and its users ask for the same pages again and again.
/// </summary>
internal static class StoreCache
{
    public const string Policy = "store";

    public static async ValueTask<KeyValuePair<string, string>> Stamp(HttpContext context, CancellationToken ct)
    {
        long stamp = await context.RequestServices.GetRequiredService<IEventStore>().GetChangeStampAsync(ct);
        return new("store", ReadRoutes.Invariant(stamp));
    }
}
