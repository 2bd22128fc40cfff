using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Readout.Nlp;
using Readout.Storage;
using Readout.Storage.Sqlite;
using Xunit.Abstractions;

namespace Readout.Web.Tests;

/// <summary>
/// A bounded loopback load test: the sample store replicated to READOUT_LOAD_EVENTS events (default
/// 100,000) with <see cref="SqliteEventStore.ReplicateAsync"/> (what `readout load-data` runs), served
/// read-only, then 2,000 filtered event queries from 16 concurrent clients, once with the response
/// cache off and once as served (16 distinct queries: after the warm-up pass every request of the
/// second run is a cache hit). It asserts no errors and correct answers; latency percentiles and the
/// dashboard's first-view time are printed, not asserted.
/// </summary>
[Collection(ServerGroup.Name)]
public sealed class LoadTests(ServerFixture server, ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const int Clients = 16;

    private static readonly string[] Queries =
    [
        "country=JPN", "country=USA", "country=UKR&type=protest", "dyad=JPN,VNM", "dyad=CHN,DEU&modality=planned",
        "type=consult", "type=assault", "modality=planned", "modality=asserted&country=NER",
        "from=2027-01-01&to=2027-03-31", "from=2030-06-01&to=2030-06-30&type=consult", "country=JPN&from=2031-01-01",
        "actor=Kishida", "q=sanctions", "q=drills&country=PRK", "dyad=POL,UKR&from=2025-01-01&to=2026-12-31",
    ];

    [Fact]
    public async Task LoadTest_FilteredEventQueries_NoErrorsAndLatencyReported()
    {
        int target = int.TryParse(Environment.GetEnvironmentVariable("READOUT_LOAD_EVENTS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 100_000;
        string db = Path.Combine(server.Folder, "load.db");
        File.Copy(server.SamplesDb, db, overwrite: true);
        var build = Stopwatch.StartNew();
        long events;
        await using (var store = await SqliteEventStore.OpenAsync(db, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version }))
        {
            long have = (await store.GetStatsAsync()).Events;
            events = await store.ReplicateAsync((int)(((target + have - 1) / have) - 1));
        }

        build.Stop();
        Assert.True(events >= target, $"replicated to {events} events, wanted {target}");

        var report = new List<string>
        {
            $"load test: {events:N0} events (store built in {build.Elapsed.TotalSeconds:0.0} s); {Requests} filtered event queries (limit 50), {Clients} concurrent clients",
        };

        // First with the response cache off (every request queries the store and writes JSON), then as served.
        await using (var uncached = await ServerFixture.StartAsync(new ReadoutWebOptions { DbPath = db, Urls = "http://127.0.0.1:0", Logging = false, ResponseCacheTime = TimeSpan.Zero }))
        {
            report.AddRange(await RunMixAsync(new Uri(ReadoutServer.Addresses(uncached)[0]), "response cache off"));
        }

        await using var app = await ServerFixture.StartAsync(new ReadoutWebOptions { DbPath = db, Urls = "http://127.0.0.1:0", Logging = false });
        var baseAddress = new Uri(ReadoutServer.Addresses(app)[0]);
        report.AddRange(await RunMixAsync(baseAddress, "as served (response cache on)"));
        report.AddRange(await FirstViewAsync(baseAddress));
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "load-test.txt"), report);
    }

    /// <summary>Sends the query mix once to warm up, then <see cref="Requests"/> requests from <see cref="Clients"/>
    /// concurrent clients; asserts every answer is a page of events and returns the latency lines.</summary>
    private static async Task<List<string>> RunMixAsync(Uri baseAddress, string label)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Warm up: one pass over the query mix (JIT, page cache).
        foreach (var q in Queries)
        {
            using var warm = await http.GetAsync("/api/v1/events?limit=50&" + q);
            Assert.True(warm.IsSuccessStatusCode, $"{q}: {(int)warm.StatusCode}");
        }

        var latencies = new ConcurrentBag<double>();
        var perQuery = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var failures = new ConcurrentBag<string>();
        int next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests && !deadline.IsCancellationRequested)
            {
                string q = Queries[i % Queries.Length];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync("/api/v1/events?limit=50&" + q, deadline.Token);
                    string body = await response.Content.ReadAsStringAsync(deadline.Token);
                    clock.Stop();
                    if (!response.IsSuccessStatusCode || !body.StartsWith("{\"items\":[", StringComparison.Ordinal))
                    {
                        failures.Add($"{q}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"{q}: {ex.GetType().Name} {ex.Message}");
                    continue;
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
                perQuery.GetOrAdd(q, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        var cpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        Assert.Empty(failures);
        Assert.Equal(Requests, latencies.Count);
        var sorted = latencies.Order().ToArray();
        var report = new List<string>
        {
            $"{label}: {wall.Elapsed.TotalSeconds:0.0} s, {Requests / wall.Elapsed.TotalSeconds:0} req/s, "
                + $"CPU {cpuTime.TotalMilliseconds / Requests:0.00} ms per request (server and clients: this process; less sensitive to other load than latency)",
            $"latency ms: p50 {Percentile(sorted, 0.50):0.0}, p90 {Percentile(sorted, 0.90):0.0}, p95 {Percentile(sorted, 0.95):0.0}, p99 {Percentile(sorted, 0.99):0.0}, max {sorted[^1]:0.0}",
        };
        foreach (var (q, values) in perQuery.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var v = values.Order().ToArray();
            report.Add($"  {q,-50} p50 {Percentile(v, 0.5),7:0.0}  p95 {Percentile(v, 0.95),7:0.0}");
        }

        return report;
    }

    /// <summary>Milliseconds from navigation start until the overview has rendered its data (cold page, fresh
    /// profile, on a server that has not answered these API calls yet), and when each request it made started
    /// and ended, which says what the first view waits for.</summary>
    private static async Task<List<string>> FirstViewAsync(Uri baseAddress)
    {
        var browser = new BrowserFixture();
        try
        {
            await browser.InitializeAsync();
            var page = await browser.Context.NewPageAsync();
            await page.GotoAsync(baseAddress.ToString());
            await page.WaitForSelectorAsync("body[data-ready='home']", new PageWaitForSelectorOptions { Timeout = 30_000 });
            // The page marks the moment it set data-ready; reading performance.now() here would add the round trip to the browser.
            double ms = await page.EvaluateAsync<double>("() => performance.getEntriesByName('view-ready')[0].startTime");
            Assert.Equal(0, await page.Locator(".error").CountAsync());
            var steps = await page.EvaluateAsync<string[]>("""
                () => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                    .map(e => `${new URL(e.name).pathname}${new URL(e.name).search}: ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)} ms`)
                """);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "overview-100k.png") });
            return [$"dashboard first view (overview) interactive: {ms:0} ms; requests (start-end after navigation start):", .. steps.Select(s => "  " + s)];
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
