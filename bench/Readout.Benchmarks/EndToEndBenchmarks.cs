using BenchmarkDotNet.Attributes;
using Readout.Core;
using Readout.Core.Pipeline;
using Readout.Ingest;
using Readout.Nlp;

namespace Readout.Benchmarks;

/// <summary>
/// The whole pipeline (no store) over every article in samples/, single-threaded. Words per
/// second = <see cref="Words"/> / mean time; the run prints it after the table.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private Pipeline _pipeline = null!;
    private Pipeline _withoutParser = null!;
    private Pipeline _withoutNameModel = null!;
    private List<(string Id, string Text, DocumentMetadata Metadata)> _articles = null!;

    /// <summary>Whitespace-separated words in the samples.</summary>
    public long Words { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = ReadoutPipeline.FindDataRoot();
        var resources = ReadoutPipeline.Load(root);
        _pipeline = ReadoutPipeline.Build(resources, withParser: true);
        _withoutParser = ReadoutPipeline.Build(resources, withParser: false);
        _withoutNameModel = ReadoutPipeline.Build(resources, withParser: true, withNameModel: false);
        _articles = [];
        var reader = new ArticleReader(new ReaderOptions());
        var task = Task.Run(async () =>
        {
            await foreach (var item in reader.ReadAsync([Path.Combine(root, "samples")]))
            {
                if (item.IsDocument)
                {
                    var d = item.Document;
                    _articles.Add((d.Id, d.Text, d.Metadata));
                }
            }
        });
        task.GetAwaiter().GetResult();
        Words = _articles.Sum(a => (long)a.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"// samples: {_articles.Count} articles, {Words} words");
    }

    /// <summary>What `ingest` and `annotate` run: every stage, the event coder reading the dependency parse.</summary>
    [Benchmark(Baseline = true)]
    public int Coding() => Run(_pipeline);

    /// <summary>Every stage but the dependency parser (the event coder finds arguments linearly): the parser's cost.</summary>
    [Benchmark]
    public int WithoutParser() => Run(_withoutParser);

    /// <summary>Every stage but the trained name recognizer (the entity layer from the rules alone): the name model's cost.</summary>
    [Benchmark]
    public int WithoutNameModel() => Run(_withoutNameModel);

    private int Run(Pipeline pipeline)
    {
        int diagnostics = 0;
        foreach (var (id, text, metadata) in _articles)
        {
            var doc = new Document(id, text, metadata);
            pipeline.Process(doc);
            diagnostics += doc.Diagnostics.Count;
        }

        return diagnostics;
    }
}
