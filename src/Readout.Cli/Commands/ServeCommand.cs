using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Readout.Web;

namespace Readout.Cli.Commands;

/// <summary>`readout serve`: the HTTP API and the dashboard over a store.</summary>
internal static class ServeCommand
{
    public const string TokenVariable = "READOUT_API_TOKEN";

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Listen URLs, separated by ';' (loopback by default)", DefaultValueFactory = _ => ReadoutWebOptions.DefaultUrls };
        var token = new Option<string?>("--api-token")
        {
            Description = $"Enable POST /api/v1/articles with this bearer token (or set {TokenVariable}); without it the store is opened read-only",
        };
        var cmd = new Command("serve", "Serve the HTTP API (/api/v1, OpenAPI at /openapi.json) and the dashboard (/)") { db, urls, token };
        cmd.SetAction(async (pr, ct) =>
        {
            string path = pr.GetValue(db)!;
            string? apiToken = pr.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable);
            if (apiToken is { Length: < 16 })
            {
                await Console.Error.WriteLineAsync("readout: the API token must be at least 16 characters long.");
                return ExitCodes.Usage;
            }

            if (apiToken is null && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"readout: no store at '{path}' (create one with 'readout ingest', or start with --api-token to ingest over HTTP).");
                return ExitCodes.Usage;
            }

            try
            {
                await using var app = await ReadoutServer.CreateAsync(new ReadoutWebOptions { DbPath = path, Urls = pr.GetValue(urls)!, ApiToken = apiToken }, ct);
                await app.StartAsync(ct);
                await ReadoutServer.WarmUpAsync(app, ct);
                Console.WriteLine($"Readout: dashboard and API on {string.Join(", ", ReadoutServer.Addresses(app))} (store {path}, {(apiToken is null ? "read-only" : "ingestion enabled")}); Ctrl+C stops.");
                await app.WaitForShutdownAsync(ct);
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                await Console.Error.WriteLineAsync("readout: " + ex.Message);
                return ExitCodes.Usage;
            }
        });
        return cmd;
    }
}
