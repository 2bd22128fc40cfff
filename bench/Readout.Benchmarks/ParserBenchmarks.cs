using BenchmarkDotNet.Attributes;
using Readout.Core.Layers;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;

namespace Readout.Benchmarks;

/// <summary>
/// The dependency parser stage over the first 1,000 sentences of EWT dev (gold tokens, tags from
/// the tagger computed once in setup), single-threaded. One operation is one token.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private DependencyParser _parser = null!;
    private LanguageBenchmarkData _data = null!;
    private PosTags _tags = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = LanguageBenchmarkData.Load(TaggerBenchmarks.Sentences);
        var document = _data.NewDocument();
        new PosTagger(PosModel.Load(Path.Combine(_data.Root, "models", "en-ud-pos.model"))).Process(document);
        _tags = document.Get(LayerKeys.PartsOfSpeech);
        _parser = new DependencyParser(ParserModel.Load(Path.Combine(_data.Root, "models", "en-ud-parser.model")));
        Console.WriteLine($"// parser: {_data.Tokens} tokens per invocation");
    }

    [Benchmark(OperationsPerInvoke = LanguageBenchmarkData.ExpectedTokens)]
    public int ParseTokens()
    {
        var document = _data.NewDocument();
        document.Set(LayerKeys.PartsOfSpeech, _tags);
        _parser.Process(document);
        return document.Get(LayerKeys.Dependencies).Heads.Length;
    }
}
