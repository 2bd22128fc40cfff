using Readout.Core.Pipeline;
using Readout.Nlp.Actors;
using Readout.Nlp.Boilerplate;
using Readout.Nlp.Entities;
using Readout.Nlp.Events;
using Readout.Nlp.Knowledge;
using Readout.Nlp.Ner;
using Readout.Nlp.Parsing;
using Readout.Nlp.Places;
using Readout.Nlp.Sentences;
using Readout.Nlp.Tagging;
using Readout.Nlp.Time;
using Readout.Nlp.Tokens;

namespace Readout.Nlp;

/// <summary>The models and data files a standard pipeline needs, loaded once and shared read-only.</summary>
/// <param name="NameTagger">The trained name recognizer (<c>models/en-ner.model</c>), when present: its names join the entity layer.</param>
public sealed record NlpResources(KnowledgeBase KnowledgeBase, PredicateLexicon Lexicon, PosModel PosModel, ParserModel? ParserModel, NerTagger? NameTagger = null);

/// <summary>Builds Readout's standard pipeline and finds its data files.</summary>
public static class ReadoutPipeline
{
    /// <summary>Stored with every article: re-coding with a newer pipeline replaces the article's events.</summary>
    public const string Version = "readout-0.1";

    public const string PosModelFile = "models/en-ud-pos.model";
    public const string ParserModelFile = "models/en-ud-parser.model";
    public const string NerModelFile = "models/en-ner.model";
    public const string LexiconFile = "data/lexicon/predicates.tsv";

    /// <summary>
    /// The folder holding <c>data/</c> and <c>models/</c>: next to the executable when published,
    /// else the nearest ancestor of it (the repository when run from a build folder).
    /// </summary>
    public static string FindDataRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, LexiconFile)) && File.Exists(Path.Combine(dir.FullName, PosModelFile)))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"Cannot find {LexiconFile} and {PosModelFile} beside or above {AppContext.BaseDirectory}.");
    }

    /// <summary>Loads the knowledge base, lexicon and models; user directories and files extend the defaults.</summary>
    public static NlpResources Load(string root, IEnumerable<string>? extraKnowledge = null, IEnumerable<string>? extraLexicons = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var kb = KnowledgeBase.Default(root, extraKnowledge);
        var lexicon = PredicateLexicon.Load([Path.Combine(root, LexiconFile), .. extraLexicons ?? []]);
        var pos = PosModel.Load(Path.Combine(root, PosModelFile));
        var parserPath = Path.Combine(root, ParserModelFile);
        var parser = File.Exists(parserPath) ? ParserModel.Load(parserPath) : null;
        var nerPath = Path.Combine(root, NerModelFile);
        // The gazetteer is built from the loaded knowledge base, so user --kb entries reach the name model too.
        var names = File.Exists(nerPath)
            ? new NerTagger(NerModel.Load(nerPath), NerGazetteer.Default(root, kb))
            : null;
        return new NlpResources(kb, lexicon, pos, parser, names);
    }

    /// <summary>
    /// The standard stage order: boilerplate, tokens, sentences, tags, [parse], [names], entities, time, actors,
    /// places, events. The event coder reads the dependency parse first when finding an event's source and
    /// target; <paramref name="withParser"/> false leaves the parser out (and the coder falls back to its
    /// linear heuristics alone), for measuring what the parser costs and brings. The trained name recognizer
    /// runs when the resources hold it and <paramref name="withNameModel"/> is true; the entity stage then
    /// combines its names with the rules' (<see cref="EntityMerger"/>).
    /// </summary>
    public static PipelineBuilder CreateBuilder(NlpResources resources, bool withParser = true, bool withNameModel = true)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var builder = new PipelineBuilder()
            .Add(new BoilerplateDetector())
            .Add(new Tokenizer())
            .Add(new SentenceSplitter())
            .Add(new PosTagger(resources.PosModel));
        if (withParser && resources.ParserModel is { } parser)
        {
            builder.Add(new DependencyParser(parser));
        }

        bool names = withNameModel && resources.NameTagger is not null;
        if (names)
        {
            builder.Add(resources.NameTagger!);
        }

        return builder
            .Add(new EntityRecognizer(resources.KnowledgeBase, useNames: names))
            .Add(new TimeNormalizer())
            .Add(new ActorResolver(resources.KnowledgeBase))
            .Add(new PlaceResolver(resources.KnowledgeBase))
            .Add(new EventCoder(resources.Lexicon));
    }

    public static Pipeline Build(NlpResources resources, bool withParser = true, bool withNameModel = true) =>
        CreateBuilder(resources, withParser, withNameModel).Build();
}
