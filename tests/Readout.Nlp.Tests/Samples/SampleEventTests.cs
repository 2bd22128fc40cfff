using System.Globalization;
using System.Text.Json;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Ingest;
using Xunit.Abstractions;

namespace Readout.Nlp.Tests.Samples;

/// <summary>
/// Runs the standard pipeline over every article in samples/ (read as <c>readout ingest</c> reads them)
/// and scores the events against samples/expected.json, the machine-readable form of samples/README.md.
/// Recall counts must events found (type, dyad, date, modality); precision counts events that match a
/// must event in full or a may event by type and dyad.
/// </summary>
public class SampleEventTests(ITestOutputHelper output)
{
    /// <summary>Floors just below the figures reached; raise them when the coder improves.</summary>
    private const double RecallFloor = 70.0;
    private const double PrecisionFloor = 86.0;

    [Fact]
    public async Task Events_AllSamples_RecallAndPrecisionAboveFloors()
    {
        var root = RepoPaths.Root;
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "samples", "expected.json"))).RootElement
            .GetProperty("articles").EnumerateArray()
            .ToDictionary(a => a.GetProperty("article").GetString()!, a => a.Clone(), StringComparer.Ordinal);
        var documents = new List<Document>();
        await foreach (var read in new ArticleReader(new ReaderOptions()).ReadAsync([Path.Combine(root, "samples")]))
        {
            Assert.True(read.IsDocument, read.ToString());
            documents.Add(read.Document);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), documents.Select(Article).Order(StringComparer.Ordinal));
        int mustTotal = 0, mustFound = 0, eventsTotal = 0, eventsCorrect = 0;
        var routes = new Events.RouteTally();
        foreach (var doc in documents.OrderBy(Article, StringComparer.Ordinal))
        {
            Assert.True(StandardPipeline.Pipeline.Process(doc), string.Join("; ", doc.Diagnostics));
            var article = expected[Article(doc)];
            var must = article.GetProperty("must").EnumerateArray().Select(ExpectedEvent.FromJson).ToList();
            var may = article.GetProperty("may").EnumerateArray().Select(ExpectedEvent.FromJson).ToList();
            var events = doc.Get(LayerKeys.Events);
            var missing = must.Where(g => !events.Any(e => g.Matches(e, strict: true))).ToList();
            var wrong = events.Where(e => !must.Any(g => g.Matches(e, strict: true)) && !may.Any(g => g.Matches(e, strict: false))).ToList();
            mustTotal += must.Count;
            mustFound += must.Count - missing.Count;
            eventsTotal += events.Count;
            eventsCorrect += events.Count - wrong.Count;
            output.WriteLine($"{Article(doc)}: recall {must.Count - missing.Count}/{must.Count}, precision {events.Count - wrong.Count}/{events.Count}");
            foreach (var e in events)
            {
                routes.Add(e);
                output.WriteLine($"  {(wrong.Contains(e) ? "✗" : "✓")} {Describe(doc, e)}");
            }

            foreach (var g in missing)
            {
                output.WriteLine($"  missing {g.Id}: {string.Join('|', g.Types)} {string.Join('|', g.Sources ?? [])}>{string.Join('|', g.Targets ?? [])} {string.Join('|', g.Dates)} {string.Join('|', g.Modalities)}");
            }
        }

        double recall = 100.0 * mustFound / mustTotal;
        double precision = eventsTotal == 0 ? 0 : 100.0 * eventsCorrect / eventsTotal;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall: recall {recall:0.0}% ({mustFound}/{mustTotal}), precision {precision:0.0}% ({eventsCorrect}/{eventsTotal})"));
        output.WriteLine(routes.ToString());
        Assert.True(recall >= RecallFloor, $"recall {recall:0.0}% below {RecallFloor}%");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:0.0}% below {PrecisionFloor}%");
    }

    /// <summary>The file name, with "#line N" or "#item N" for one record of a multi-document file.</summary>
    private static string Article(Document doc) => Path.GetFileName(doc.Metadata.Origin ?? doc.Id);

    private static string Describe(Document doc, CodedEvent e) =>
        $"{e.Type} {e.Source?.Actor.Name}({e.Source?.Actor.Country})>{e.Target?.Actor.Name}({e.Target?.Actor.Country}) {e.Date} {e.Modality} '{doc.Slice(e.Trigger)}' {e.Rule}";
}
