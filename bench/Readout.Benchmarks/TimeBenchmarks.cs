using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Sentences;
using Readout.Nlp.Time;
using Readout.Nlp.Time.Evaluation;
using Readout.Nlp.Tokens;

namespace Readout.Benchmarks;

/// <summary>
/// The time stage over the TempEval-3 training texts (256 news documents, about 0.53 million
/// characters), single-threaded. <see cref="Stage"/> is what the pipeline runs: tokens and sentences
/// are made once in setup and handed to a fresh document each round, so only <see cref="TimeNormalizer"/>
/// is measured. <see cref="Recognizer"/> is the character-level recognizer alone, over whole texts.
/// The MB/s column is the corpus size (UTF-16 characters, ≈ bytes for this English text) over the mean.
/// Run: <c>dotnet run -c Release --project bench/Readout.Benchmarks -- --filter *TimeBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class TimeBenchmarks
{
    private readonly TimeExpressionRecognizer _recognizer = new();
    private readonly TimeNormalizer _stage = new();
    private List<Prepared> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var tokenizer = new Tokenizer();
        var splitter = new SentenceSplitter();
        _documents = [];
        foreach (var source in Corpus())
        {
            var doc = source.ToDocument();
            tokenizer.Process(doc);
            splitter.Process(doc);
            _documents.Add(new Prepared(source, doc.Get(LayerKeys.Tokens), doc.Get(LayerKeys.Sentences)));
        }
    }

    /// <summary>The time stage on documents whose tokens and sentences are given.</summary>
    [Benchmark(Baseline = true)]
    public int Stage()
    {
        int n = 0;
        foreach (var p in _documents)
        {
            var doc = p.Source.ToDocument();
            doc.Set(LayerKeys.Tokens, p.Tokens);
            doc.Set(LayerKeys.Sentences, p.Sentences);
            _stage.Process(doc);
            n += doc.Get(LayerKeys.Timexes).Count;
        }

        return n;
    }

    /// <summary>The recognizer alone over each whole text.</summary>
    [Benchmark]
    public int Recognizer()
    {
        int n = 0;
        foreach (var p in _documents)
        {
            n += _recognizer.Find(p.Source.Text, new TimeContext(p.Source.CreationDate)).Count;
        }

        return n;
    }

    /// <summary>The benchmark texts: every TimeML file under ../shared/data/tempeval3-train, read as plain text.</summary>
    internal static IEnumerable<TimeMLDocument> Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
        {
            dir = dir.Parent;
        }

        var data = Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "tempeval3-train");
        return Directory.GetFiles(data, "*.tml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(TimeMLReader.Read);
    }

    private sealed record Prepared(TimeMLDocument Source, TokenTable Tokens, SentenceTable Sentences);

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>Corpus characters (in millions) divided by the mean time in seconds.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        private static readonly Lazy<long> Characters = new(() => Corpus().Sum(d => (long)d.Text.Length));

        public string Id => nameof(MegabytesPerSecondColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6 characters) of text per second, single-threaded";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            return stats is null || stats.Mean <= 0
                ? "-"
                : (Characters.Value / 1e6 / (stats.Mean / 1e9)).ToString("F2", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
