using System.CommandLine;
using System.Diagnostics;
using Readout.Ingest;
using Readout.Nlp;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Cli.Commands;

/// <summary>`readout load-data`: a large store for load tests, by replicating coded sample articles.</summary>
internal static class LoadDataCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Store file to fill (created if missing)", Required = true };
        var events = new Option<int>("--events") { Description = "Stop when the store holds at least this many events", DefaultValueFactory = _ => 100_000 };
        var samples = new Option<string>("--samples") { Description = "Articles coded first when the store is empty", DefaultValueFactory = _ => "samples" };
        var step = new Option<int>("--step-days") { Description = "Each copy is this many days later than the previous one", DefaultValueFactory = _ => 1 };
        var cmd = new Command("load-data", "Fill a store with copies of coded articles (shifted dates, new ids) for load tests and demonstrations")
        {
            db, events, samples, step,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            string path = pr.GetValue(db)!;
            int target = pr.GetValue(events);
            if (target < 1 || pr.GetValue(step) < 0)
            {
                await Console.Error.WriteLineAsync("readout: --events must be positive and --step-days not negative.");
                return ExitCodes.Usage;
            }

            var clock = Stopwatch.StartNew();
            await using (var probe = await SqliteEventStore.OpenAsync(path, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version }, ct))
            {
                if ((await probe.GetStatsAsync(ct)).Events == 0)
                {
                    string source = pr.GetValue(samples)!;
                    if (!Directory.Exists(source) && !File.Exists(source))
                    {
                        await Console.Error.WriteLineAsync($"readout: the store is empty and '{source}' does not exist.");
                        return ExitCodes.Usage;
                    }

                    await probe.DisposeAsync();
                    int code = await IngestCommand.RunAsync([source], path, new ReaderOptions(), [], [], Environment.ProcessorCount, quiet: true, ct);
                    if (code is not (ExitCodes.Ok or ExitCodes.SomeSkipped))
                    {
                        return code;
                    }
                }
            }

            await using var store = await SqliteEventStore.OpenAsync(path, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version }, ct);
            long have = (await store.GetStatsAsync(ct)).Events;
            if (have == 0)
            {
                await Console.Error.WriteLineAsync("readout: no events to replicate.");
                return ExitCodes.NothingProcessed;
            }

            int copies = (int)Math.Max(0, ((target + have - 1) / have) - 1);
            long total = await store.ReplicateAsync(copies, pr.GetValue(step), progress: done => Console.Error.Write($"\rcopies: {done}/{copies}"), cancellationToken: ct);
            Console.Error.WriteLine();
            var stats = await store.GetStatsAsync(ct);
            Console.WriteLine($"Store {path}: {stats.Articles:N0} articles, {total:N0} events ({copies:N0} copies of {have:N0}), dates {stats.FirstEventDate:yyyy-MM-dd} to {stats.LastEventDate:yyyy-MM-dd}; {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
