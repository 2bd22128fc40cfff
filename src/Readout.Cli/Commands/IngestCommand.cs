using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Ingest;
using Readout.Nlp;
using Readout.Storage;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>`readout ingest PATH... | -`: read, code and store articles; print a summary and the events found.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories (recursively), or - for standard input" };
        var db = CommonOptions.Db();
        var published = CommonOptions.Published();
        var source = CommonOptions.Source();
        var url = CommonOptions.Url();
        var title = CommonOptions.Title();
        var kb = CommonOptions.Kb();
        var lexicon = CommonOptions.Lexicon();
        var workers = new Option<int>("--workers") { Description = "Coding threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar and no event table" };
        var cmd = new Command("ingest", "Read articles (.txt, .html, .jsonl, RSS/Atom, stdin), code their events and store them")
        {
            paths, db, published, source, url, title, kb, lexicon, workers, quiet,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            if (!CommonOptions.TryReaderOptions(pr.GetValue(published), pr.GetValue(source), pr.GetValue(url), pr.GetValue(title), out var options, out var error))
            {
                await Console.Error.WriteLineAsync("readout: " + error);
                return ExitCodes.Usage;
            }

            return await RunAsync(pr.GetValue(paths)!, pr.GetValue(db)!, options, pr.GetValue(kb) ?? [], pr.GetValue(lexicon) ?? [], Math.Max(1, pr.GetValue(workers)), pr.GetValue(quiet), ct);
        });
        return cmd;
    }

    private sealed record Coded(Document Document, bool Ok);

    public static async Task<int> RunAsync(string[] paths, string dbPath, ReaderOptions options, string[] kbDirs, string[] lexiconFiles, int workerCount, bool quiet, CancellationToken ct)
    {
        if (!Resources.TryLoad(kbDirs, lexiconFiles, withParser: true, out var pipeline, out var loadError))
        {
            await Console.Error.WriteLineAsync("readout: " + loadError);
            return ExitCodes.Usage;
        }

        // Nothing to read: say so without creating an empty store at the --db path.
        if (paths is not ["-"] && paths.All(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            foreach (var path in paths)
            {
                var reason = new Diagnostic(IngestCodes.PathNotFound, Severity.Error, "reader", "no such file or directory");
                await Console.Error.WriteLineAsync(SkipReport.Line("skipped", path, reason));
            }

            return ExitCodes.NothingProcessed;
        }

        var clock = Stopwatch.StartNew();
        var reader = new ArticleReader(options);
        var skipped = new List<(string Origin, Diagnostic Reason)>();
        var storedIds = new List<long>();
        int read = 0, stored = 0, unchanged = 0, replaced = 0, events = 0;
        long words = 0, chars = 0;

        var (opened, storeError) = await StoreAccess.TryOpenAsync(dbPath, new EventStoreOptions { PipelineVersion = ReadoutPipeline.Version }, ct);
        if (opened is null)
        {
            await Console.Error.WriteLineAsync("readout: " + storeError);
            return ExitCodes.Usage;
        }

        await using var store = opened;
        var toCode = Channel.CreateBounded<Document>(new BoundedChannelOptions(64) { SingleWriter = true });
        var toStore = Channel.CreateBounded<Coded>(new BoundedChannelOptions(64) { SingleReader = true });

        long totalBytes = EstimateBytes(paths);
        bool interactive = !quiet && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

        async Task Produce()
        {
            try
            {
                var items = paths is ["-"]
                    ? reader.ReadStreamAsync(Console.OpenStandardInput(), "stdin", ct)
                    : reader.ReadAsync(paths, ct);
                await foreach (var item in items.WithCancellation(ct))
                {
                    if (item.IsDocument)
                    {
                        read++;
                        await toCode.Writer.WriteAsync(item.Document, ct);
                    }
                    else
                    {
                        skipped.Add((item.Origin, item.Diagnostic!));
                    }
                }
            }
            finally
            {
                toCode.Writer.Complete();
            }
        }

        async Task Work()
        {
            await foreach (var doc in toCode.Reader.ReadAllAsync(ct))
            {
                bool ok = pipeline.Process(doc);
                await toStore.Writer.WriteAsync(new Coded(doc, ok), ct);
            }
        }

        async Task Store(Action<long>? progress)
        {
            await foreach (var coded in toStore.Reader.ReadAllAsync(ct))
            {
                var doc = coded.Document;
                progress?.Invoke(doc.Text.Length);
                if (!coded.Ok)
                {
                    var error = doc.Diagnostics.LastOrDefault(d => d.Severity == Severity.Error) ?? new Diagnostic("RD0100", Severity.Error, "pipeline", "processing failed");
                    skipped.Add((doc.Metadata.Origin ?? doc.Id, error));
                    continue;
                }

                var outcome = await store.StoreAsync(doc, ct);
                storedIds.Add(outcome.ArticleId);
                words += CountWords(doc.Text);
                chars += doc.Text.Length;
                switch (outcome.Status)
                {
                    case StoreStatus.Stored: stored++; events += outcome.EventCount; break;
                    case StoreStatus.Replaced: replaced++; events += outcome.EventCount; break;
                    default: unchanged++; events += outcome.EventCount; break;
                }
            }
        }

        async Task RunAll(Action<long>? progress)
        {
            var producer = Produce();
            var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(Work, ct)).ToArray();
            var writer = Store(progress);
            await producer;
            await Task.WhenAll(workers);
            toStore.Writer.Complete();
            await writer;
        }

        if (interactive && totalBytes > 0)
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async p =>
            {
                var task = p.AddTask("Coding articles", maxValue: totalBytes);
                await RunAll(n => task.Increment(Math.Min(n, Math.Max(0, totalBytes - task.Value))));
            });
        }
        else
        {
            await RunAll(null);
        }

        clock.Stop();
        foreach (var (origin, reason) in skipped)
        {
            await Console.Error.WriteLineAsync(SkipReport.Line("skipped", origin, reason));
        }

        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        Console.WriteLine($"Articles read: {read}, stored: {stored}, replaced: {replaced}, unchanged: {unchanged}, skipped: {skipped.Count}; events: {events}; {words:N0} words in {seconds:0.00} s ({words / seconds:N0} words/s); store: {dbPath}");

        if (!quiet && storedIds.Count > 0)
        {
            var found = new List<StoredEvent>();
            foreach (var id in storedIds.Distinct())
            {
                found.AddRange(await store.QueryEventsAsync(new EventQuery { ArticleId = id, Limit = EventQuery.MaxLimit }, ct));
            }

            EventTable.Write(found.OrderBy(e => e.Id).ToList(), limit: 60);
        }

        if (read == 0 && skipped.Count == 0)
        {
            await Console.Error.WriteLineAsync($"readout: no articles found in {string.Join(", ", paths)} (known extensions: .txt .html .htm .jsonl .xml .rss .atom)");
        }

        if (storedIds.Count == 0)
        {
            return ExitCodes.NothingProcessed;
        }

        return skipped.Count > 0 ? ExitCodes.SomeSkipped : ExitCodes.Ok;
    }

    private static long EstimateBytes(string[] paths)
    {
        long total = 0;
        foreach (var p in paths)
        {
            try
            {
                if (File.Exists(p))
                {
                    total += new FileInfo(p).Length;
                }
                else if (Directory.Exists(p))
                {
                    total += new DirectoryInfo(p).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The reader reports unreadable paths; the estimate only drives the progress bar.
            }
        }

        return total;
    }

    private static long CountWords(string text)
    {
        long n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }
}
