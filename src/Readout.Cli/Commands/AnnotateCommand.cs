using System.CommandLine;
using System.Text.Json;
using Readout.Cli.Output;
using Readout.Core;
using Readout.Ingest;

namespace Readout.Cli.Commands;

/// <summary>`readout annotate FILE`: run the pipeline without a store and print every layer as JSON.</summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories, or - for standard input" };
        var published = CommonOptions.Published();
        var source = CommonOptions.Source();
        var url = CommonOptions.Url();
        var title = CommonOptions.Title();
        var kb = CommonOptions.Kb();
        var lexicon = CommonOptions.Lexicon();
        var format = new Option<string>("--format") { Description = "json (the annotate contract)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var noTokens = new Option<bool>("--no-tokens") { Description = "Omit the token layer" };
        var ploverStrict = CommonOptions.PloverStrict();
        var cmd = new Command("annotate", "Annotate documents without storing them: every layer as JSON (one object per document, one per line for several)")
        {
            paths, published, source, url, title, kb, lexicon, format, noTokens, ploverStrict,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            if (!CommonOptions.TryReaderOptions(pr.GetValue(published), pr.GetValue(source), pr.GetValue(url), pr.GetValue(title), out var options, out var error))
            {
                await Console.Error.WriteLineAsync("readout: " + error);
                return ExitCodes.Usage;
            }

            if (!Resources.TryLoad(pr.GetValue(kb) ?? [], pr.GetValue(lexicon) ?? [], withParser: true, out var pipeline, out var loadError))
            {
                await Console.Error.WriteLineAsync("readout: " + loadError);
                return ExitCodes.Usage;
            }

            var reader = new ArticleReader(options);
            var docs = new List<Document>();
            int skipped = 0;
            var inputs = pr.GetValue(paths)!;
            var items = inputs is ["-"] ? reader.ReadStreamAsync(Console.OpenStandardInput(), "stdin", ct) : reader.ReadAsync(inputs, ct);
            await foreach (var item in items)
            {
                if (!item.IsDocument)
                {
                    skipped++;
                    await Console.Error.WriteLineAsync(SkipReport.Line("skipped", item.Origin, item.Diagnostic!));
                    continue;
                }

                if (!pipeline.Process(item.Document))
                {
                    skipped++;
                    await Console.Error.WriteLineAsync($"failed {item.Origin}: {(item.Document.Diagnostics.Count > 0 ? item.Document.Diagnostics[^1] : null)}");
                    continue;
                }

                docs.Add(item.Document);
            }

            using var stdout = Console.OpenStandardOutput();
            foreach (var doc in docs)
            {
                using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = docs.Count == 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    AnnotationJson.Write(w, doc, includeTokens: !pr.GetValue(noTokens), ploverStrict: pr.GetValue(ploverStrict));
                }

                stdout.WriteByte((byte)'\n');
            }

            return docs.Count == 0 ? ExitCodes.NothingProcessed : skipped > 0 ? ExitCodes.SomeSkipped : ExitCodes.Ok;
        });
        return cmd;
    }
}
