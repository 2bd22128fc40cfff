using BenchmarkDotNet.Attributes;
using Readout.Core.Layers;
using Readout.Nlp.Ner;
using Readout.Nlp.Tagging;

namespace Readout.Benchmarks;

/// <summary>
/// The trained name recognizer (gazetteer matching, features, Viterbi, document pass) over the first 1,000
/// sentences of EWT dev, parts of speech tagged once beforehand; single-threaded. One operation is one token.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private NerTagger _ner = null!;
    private LanguageBenchmarkData _data = null!;
    private PosTags _pos = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = LanguageBenchmarkData.Load(TaggerBenchmarks.Sentences);
        var document = _data.NewDocument();
        new PosTagger(PosModel.Load(Path.Combine(_data.Root, "models", "en-ud-pos.model"))).Process(document);
        _pos = document.Get(LayerKeys.PartsOfSpeech);
        _ner = new NerTagger(NerModel.Load(Path.Combine(_data.Root, "models", "en-ner.model")), NerGazetteer.Default(_data.Root));
    }

    [Benchmark(OperationsPerInvoke = LanguageBenchmarkData.ExpectedTokens)]
    public int TagNames()
    {
        var document = _data.NewDocument();
        document.Set(LayerKeys.PartsOfSpeech, _pos);
        _ner.Process(document);
        return document.Get(LayerKeys.NamedEntities).Count;
    }
}
