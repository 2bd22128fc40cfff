using BenchmarkDotNet.Attributes;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;

namespace Readout.Benchmarks;

/// <summary>
/// The POS tagger stage over the first 1,000 sentences of EWT dev (gold tokens), single-threaded.
/// One operation is one token (OperationsPerInvoke), so tokens/s = 1 / mean time.
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    internal const int Sentences = 1000;
    private PosTagger _tagger = null!;
    private LanguageBenchmarkData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = LanguageBenchmarkData.Load(Sentences);
        _tagger = new PosTagger(PosModel.Load(Path.Combine(_data.Root, "models", "en-ud-pos.model")));
        Console.WriteLine($"// tagger: {_data.Tokens} tokens per invocation");
    }

    [Benchmark(OperationsPerInvoke = LanguageBenchmarkData.ExpectedTokens)]
    public int TagTokens()
    {
        var document = _data.NewDocument();
        _tagger.Process(document);
        return document.Get(LayerKeys.PartsOfSpeech).Upos.Length;
    }
}

/// <summary>EWT dev sentences as one document with Tokens and Sentences layers.</summary>
internal sealed class LanguageBenchmarkData
{
    /// <summary>Tokens in the first 1,000 EWT dev sentences (checked at load).</summary>
    public const int ExpectedTokens = 14_063;

    private LanguageBenchmarkData(string root, string text, TokenTable tokens, SentenceTable sentences)
    {
        Root = root;
        Text = text;
        TokenTable = tokens;
        SentenceTable = sentences;
    }

    public string Root { get; }

    public string Text { get; }

    public TokenTable TokenTable { get; }

    public SentenceTable SentenceTable { get; }

    public int Tokens => TokenTable.Count;

    public Document NewDocument()
    {
        var document = new Document("bench", Text);
        document.Set(LayerKeys.Tokens, TokenTable);
        document.Set(LayerKeys.Sentences, SentenceTable);
        return document;
    }

    public static LanguageBenchmarkData Load(int sentences)
    {
        string root = FindRoot();
        using var reader = new StreamReader(Path.Combine(root, "..", "shared", "data", "ud-english-ewt", "en_ewt-ud-dev.conllu"));
        var input = ConlluReader.ReadForPrediction(reader).Take(sentences).ToList();
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var table = new List<Sentence>();
        foreach (var s in input)
        {
            int first = starts.Count, start = text.Length;
            foreach (string form in s.Forms)
            {
                starts.Add(text.Length);
                text.Append(form);
                ends.Add(text.Length);
                text.Append(' ');
            }

            table.Add(new Sentence(first, starts.Count, TextSpan.FromBounds(start, text.Length)));
        }

        if (starts.Count != ExpectedTokens)
        {
            Console.WriteLine($"// warning: {starts.Count} tokens, not {ExpectedTokens}: per-token times are off");
        }

        return new LanguageBenchmarkData(root, text.ToString(), new TokenTable([.. starts], [.. ends]), new SentenceTable(table));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Readout.slnx not found above " + AppContext.BaseDirectory);
    }
}
