using BenchmarkDotNet.Attributes;
using Readout.Nlp.Time;
using Readout.Nlp.Time.Evaluation;

namespace Readout.Benchmarks;

/// <summary>
/// The time recognizer over the TempEval-3 training texts (plain text, about 0.53 million characters in 256 documents),
/// single-threaded. Throughput in MB/s is the corpus size divided by the mean time.
/// Run: <c>dotnet run -c Release --project bench/Readout.Benchmarks -- --filter *TimeBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private readonly TimeExpressionRecognizer _recognizer = new();
    private List<(string Text, DateOnly? Dct)> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
        {
            dir = dir.Parent;
        }

        var data = Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "tempeval3-train");
        _documents = Directory.GetFiles(data, "*.tml", SearchOption.AllDirectories)
            .Select(TimeMLReader.Read)
            .Select(d => (d.Text, d.CreationDate))
            .ToList();
    }

    /// <summary>Characters in the corpus (UTF-16 code units ≈ bytes for this English text).</summary>
    public long Characters => _documents.Sum(d => (long)d.Text.Length);

    [Benchmark]
    public int FindAll()
    {
        int n = 0;
        foreach (var (text, dct) in _documents)
        {
            n += _recognizer.Find(text, new TimeContext(dct)).Count;
        }

        return n;
    }
}
