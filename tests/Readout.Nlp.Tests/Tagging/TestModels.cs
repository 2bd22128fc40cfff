using Readout.Nlp.Ner;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Tests.Tagging;

/// <summary>The committed models and the shared data folder, found from the repository root.</summary>
internal static class TestModels
{
    private static readonly string Root = FindRoot();
    private static readonly Lazy<PosModel> LazyPos = new(() => PosModel.Load(Path.Combine(Root, "models", "en-ud-pos.model")));
    private static readonly Lazy<NerGazetteer> LazyNerGazetteer = new(() => NerGazetteer.Default(Root));
    private static readonly Lazy<ParserModel> LazyParser = new(() => ParserModel.Load(Path.Combine(Root, "models", "en-ud-parser.model")));

    public static PosModel Pos => LazyPos.Value;

    public static ParserModel Parser => LazyParser.Value;

    /// <summary>The name tagger's gazetteer of the repository's knowledge base, built once for every test.</summary>
    public static NerGazetteer NerGazetteer => LazyNerGazetteer.Value;

    /// <summary>The folder holding Readout.slnx, walking up from the test binaries.</summary>
    public static string RepositoryRoot => Root;

    /// <summary><c>../shared/data</c> beside the repository.</summary>
    public static string DataRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string EwtTrain => Path.Combine(DataRoot, "ud-english-ewt", "en_ewt-ud-train.conllu");

    public static string EwtDev => Path.Combine(DataRoot, "ud-english-ewt", "en_ewt-ud-dev.conllu");

    public static IReadOnlyList<string> GumNewsDev => Directory.GetFiles(Path.Combine(DataRoot, "gum", "dev"), "GUM_news_*.conllu").Order(StringComparer.Ordinal).ToArray();

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
