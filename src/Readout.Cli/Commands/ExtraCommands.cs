using System.CommandLine;
using Readout.Core.Pipeline;
using Readout.Nlp;
using Readout.Nlp.Conllu;
using Readout.Nlp.Knowledge;
using Readout.Nlp.Ner;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;
using Readout.Nlp.Time.Evaluation;
using Readout.Nlp.Training;

namespace Readout.Cli.Commands;

/// <summary>Language-core and evaluation commands: `conllu`, `train`, `eval`.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Conllu();
        yield return Train();
        yield return Eval();
        yield return Bench();
    }

    private static Command Bench()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Articles to code (default: samples/)" };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the articles, after warm-up passes for at least 3 s", DefaultValueFactory = _ => 5 };
        var withoutParser = new Option<bool>("--without-parser") { Description = "Leave the dependency parser out (ingest and annotate run it; without it the event coder finds arguments linearly), to see what it costs" };
        var cmd = new Command("bench", "Time every stage on a set of articles, single-threaded, no store; print words per second") { paths, rounds, withoutParser };
        cmd.SetAction(async (pr, ct) =>
        {
            var root = ReadoutPipeline.FindDataRoot();
            var inputs = pr.GetValue(paths) is { Length: > 0 } given ? given : [Path.Combine(root, "samples")];
            var pipeline = ReadoutPipeline.Build(ReadoutPipeline.Load(root), withParser: !pr.GetValue(withoutParser));
            var articles = new List<Readout.Core.Document>();
            await foreach (var item in new Readout.Ingest.ArticleReader(new Readout.Ingest.ReaderOptions()).ReadAsync(inputs, ct))
            {
                if (item.IsDocument)
                {
                    articles.Add(item.Document);
                }
            }

            long words = articles.Sum(a => (long)a.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            var perStage = new double[pipeline.Stages.Count];
            int n = Math.Max(1, pr.GetValue(rounds));
            void Round()
            {
                foreach (var a in articles)
                {
                    var doc = new Readout.Core.Document(a.Id, a.Text, a.Metadata);
                    for (int s = 0; s < pipeline.Stages.Count; s++)
                    {
                        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                        pipeline.Stages[s].Process(doc);
                        perStage[s] += System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    }
                }
            }

            // Warm up for seconds, not one pass: tiered JIT recompiles hot methods with their profile only
            // after many calls, and one pass over a dozen articles timed code not yet optimized (about half speed).
            var total = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                Round();
            }
            while (total.Elapsed < TimeSpan.FromSeconds(3));

            Array.Clear(perStage);
            total.Restart();
            for (int round = 0; round < n; round++)
            {
                Round();
            }

            double seconds = total.Elapsed.TotalSeconds;
            Console.WriteLine($"{articles.Count} articles, {words:N0} words × {n} rounds: {words * n / seconds:N0} words/s single-threaded");
            for (int s = 0; s < perStage.Length; s++)
            {
                Console.WriteLine($"  {pipeline.Stages[s].Name,-12} {perStage[s] / n,9:0.00} ms/round  {100 * perStage[s] / perStage.Sum(),5:0.0} %");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static (PosModel Pos, ParserModel? Parser) LoadModels()
    {
        var root = ReadoutPipeline.FindDataRoot();
        var pos = PosModel.Load(Path.Combine(root, ReadoutPipeline.PosModelFile));
        var parserPath = Path.Combine(root, ReadoutPipeline.ParserModelFile);
        return (pos, File.Exists(parserPath) ? ParserModel.Load(parserPath) : null);
    }

    private static NerModel LoadNer(string root) => NerModel.Load(Path.Combine(root, ReadoutPipeline.NerModelFile));

    private static Command Conllu()
    {
        var input = new Argument<string>("file") { Description = "CoNLL-U file, or - for standard input. Only ID, FORM and sentence boundaries are read." };
        var ner = new Option<bool>("--ner") { Description = "Add predicted names to MISC as NER=B-PER/I-ORG/B-LOC/B-NAT/O" };
        var cmd = new Command("conllu", "Tag, lemmatize and parse pre-tokenized CoNLL-U; write CoNLL-U with predicted UPOS, XPOS, LEMMA, HEAD, DEPREL (and NER with --ner)") { input, ner };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                Console.Error.WriteLine($"readout: '{path}' does not exist.");
                return ExitCodes.Usage;
            }

            var (pos, parser) = LoadModels();
            using var reader = path == "-" ? Console.In : new StreamReader(path);
            using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
            ConlluPredictorOptions? options = null;
            if (pr.GetValue(ner))
            {
                var root = ReadoutPipeline.FindDataRoot();
                options = new NerTagger(LoadNer(root), NerGazetteer.Default(root)).ConlluOptions();
            }

            ConlluPredictor.Run(reader, stdout, pos, parser, options);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Train()
    {
        var what = new Argument<string>("model") { Description = "pos, parser or ner (ner reads its corpora from ../shared/data: GUM train, wikigold, re3d)" };
        what.AcceptOnlyFromAmong("pos", "parser", "ner");
        var train = new Option<string[]>("--train") { Description = "Training CoNLL-U files or folders of them (pos, parser)", AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string[]>("--dev") { Description = "Development CoNLL-U files (reported after each epoch)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is reproducible for a seed)", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int?>("--epochs") { Description = "ner: training epochs (default: the committed model's)" };
        var members = new Option<int?>("--members") { Description = "ner: models trained with different seeds and averaged into the one written (default: the committed model's, 3; 1 trains a single model, three times faster)" };
        var from = new Option<string>("--from") { Description = "parser, ner: instead of training, prune (--prune) and/or quantize (--quantum) this model file and write it to --out" };
        var prune = new Option<float>("--prune") { Description = "parser, ner, with --from: drop the weights smaller than this in magnitude" };
        var quantum = new Option<float>("--quantum") { Description = "parser, ner, with --from: round the weights to multiples of this (stored as small integers)" };
        var cmd = new Command("train", "Train the part-of-speech tagger, the dependency parser or the name tagger (see README for the exact commands behind the committed models)")
        {
            what, train, dev, output, seed, epochs, members, from, prune, quantum,
        };
        cmd.SetAction(pr =>
        {
            if (pr.GetValue(from) is string source)
            {
                float threshold = pr.GetValue(prune), step = pr.GetValue(quantum);
                if (pr.GetValue(what) == "pos" || !File.Exists(source) || threshold < 0 || step < 0 || (threshold == 0 && step == 0))
                {
                    Console.Error.WriteLine("readout: --from takes an existing parser or ner model file and needs --prune or --quantum with a positive value.");
                    return ExitCodes.Usage;
                }

                if (pr.GetValue(what) == "ner")
                {
                    var model = NerModel.Load(source);
                    var pruned = model.Pruned(threshold, step);
                    pruned.Save(pr.GetValue(output)!);
                    Console.WriteLine($"ner: pruned at {threshold}, quantum {step}: {model.WeightCount} → {pruned.WeightCount} weights; wrote {pr.GetValue(output)}");
                    return ExitCodes.Ok;
                }

                LanguageTraining.PruneParser(source, threshold, step, pr.GetValue(output)!, Console.Out);
                return ExitCodes.Ok;
            }

            if (pr.GetValue(prune) != 0 || pr.GetValue(quantum) != 0)
            {
                Console.Error.WriteLine("readout: --prune and --quantum apply to an existing model given by --from.");
                return ExitCodes.Usage;
            }

            if (pr.GetValue(what) == "ner")
            {
                var root = ReadoutPipeline.FindDataRoot();
                var (posForNer, _) = LoadModels();
                var options = new NerTrainingOptions { Seed = pr.GetValue(seed) };
                options = options with { Epochs = pr.GetValue(epochs) ?? options.Epochs, Members = pr.GetValue(members) ?? options.Members };
                if (options.Members < 1 || options.Epochs < 1)
                {
                    Console.Error.WriteLine("readout: --members and --epochs must be at least 1.");
                    return ExitCodes.Usage;
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                NerTraining.Train("../shared/data", posForNer, NerGazetteer.Default(root), pr.GetValue(output)!, options, Console.Out);
                Console.WriteLine($"ner: trained in {clock.Elapsed.TotalSeconds:F0} s");
                return ExitCodes.Ok;
            }

            var trainFiles = pr.GetValue(train) ?? [];
            if (trainFiles.Length == 0)
            {
                Console.Error.WriteLine("readout: --train is required for pos and parser.");
                return ExitCodes.Usage;
            }

            var devFiles = pr.GetValue(dev) ?? [];
            foreach (var f in trainFiles.Concat(devFiles))
            {
                if (!File.Exists(f) && !Directory.Exists(f))
                {
                    Console.Error.WriteLine($"readout: '{f}' does not exist.");
                    return ExitCodes.Usage;
                }
            }

            if (pr.GetValue(what) == "pos")
            {
                LanguageTraining.TrainPos(trainFiles, devFiles, pr.GetValue(output)!, pr.GetValue(seed), Console.Out);
            }
            else
            {
                var (pos, _) = LoadModels();
                LanguageTraining.TrainParser(trainFiles, devFiles, pr.GetValue(output)!, pr.GetValue(seed), Console.Out, pos);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Eval()
    {
        var what = new Argument<string>("what") { Description = "time: TempEval-3 scoring of the time normalizer; lang: tagger, lemmatizer and parser on CoNLL-U files; ner: names on GUM dev and UNER EWT dev" };
        what.AcceptOnlyFromAmong("time", "lang", "ner");
        var data = new Option<string[]>("--data")
        {
            Description = "time: folder of TimeML corpora (default ../shared/data/tempeval3-train); lang: CoNLL-U files (default EWT dev and the GUM news dev documents)",
            AllowMultipleArgumentsPerToken = true,
        };
        var errors = new Option<bool>("--errors")
        {
            Description = "time: also list the errors on the development half of each corpus, grouped by class (the held-out half is left unread, to check that fixes generalize); ner: list every error (type, boundary, missed, spurious) with its sentence",
        };
        var model = new Option<string>("--model") { Description = "ner: model file to score (default models/en-ner.model)" };
        var rules = new Option<bool>("--rules") { Description = "ner: score the rule-based entity stage alone instead, for comparison" };
        var pipelineOption = new Option<bool>("--pipeline")
        {
            Description = "ner: score the event pipeline's entity layer instead: the trained names combined with the rules' (as ingest and annotate run them)",
        };
        var stagesOption = new Option<bool>("--stages")
        {
            Description = "time: score what the pipeline's stages produce (tokens, sentences, tags, then the time stage, as annotate runs them) instead of the recognizer over the raw text",
        };
        var cmd = new Command("eval", "Score a stage on evaluation data and print the figures") { what, data, errors, model, rules, pipelineOption, stagesOption };
        cmd.SetAction(pr =>
        {
            var given = pr.GetValue(data) ?? [];
            if (pr.GetValue(what) == "time")
            {
                var root = given.Length > 0 ? given[0] : "../shared/data/tempeval3-train";
                if (!Directory.Exists(root))
                {
                    Console.Error.WriteLine($"readout: no evaluation data at '{root}'.");
                    return ExitCodes.Usage;
                }

                var throughStages = pr.GetValue(stagesOption) ? TempEvalScorer.ThroughStages(LoadModels().Pos) : null;
                foreach (var corpus in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
                {
                    var report = throughStages is null ? TempEvalScorer.Evaluate(corpus) : TempEvalScorer.Evaluate(corpus, throughStages);
                    Console.WriteLine(report.ToString());
                    if (pr.GetValue(errors))
                    {
                        PrintErrorClasses(report.Errors.Where(e => e.Split == TempEvalScorer.Development));
                    }
                }

                return ExitCodes.Ok;
            }

            if (pr.GetValue(what) == "ner")
            {
                var root = ReadoutPipeline.FindDataRoot();
                var (posForNer, _) = LoadModels();
                NerModel Model() => pr.GetValue(model) is { } path ? NerModel.Load(path) : LoadNer(root);
                bool combined = pr.GetValue(pipelineOption);
                if (combined && pr.GetValue(rules))
                {
                    Console.Error.WriteLine("readout: --rules and --pipeline score different stages; give one.");
                    return ExitCodes.Usage;
                }

                IReadOnlyList<(string Name, NerScores Scores, IReadOnlyList<NerError> Errors)> results;
                if (pr.GetValue(rules) || combined)
                {
                    var kb = KnowledgeBase.Default(root);
                    var gazetteer = NerGazetteer.Default(root, kb);
                    IStage stage = combined
                        ? new Readout.Nlp.Entities.CombinedEntityStage(new NerTagger(Model(), gazetteer), kb)
                        : new Readout.Nlp.Entities.EntityRecognizer(kb);
                    results = NerTraining.EvaluateStage("../shared/data", stage, posForNer, gazetteer);
                }
                else
                {
                    results = NerTraining.Evaluate("../shared/data", Model(), posForNer, NerGazetteer.Default(root));
                }

                foreach (var (name, scores, errorList) in results)
                {
                    var byClass = errorList.GroupBy(e => e.Class).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
                    Console.WriteLine($"{name}:\n{scores}\n  errors: {string.Join(", ", byClass)}");
                }

                if (pr.GetValue(errors))
                {
                    foreach (var (name, _, errorList) in results.Where(r => r.Name is "GUM dev" or "UNER EWT dev"))
                    {
                        Console.WriteLine($"\n== {name}: {errorList.Count} errors");
                        foreach (var e in errorList.OrderBy(e => e.Class))
                        {
                            Console.WriteLine(e);
                        }
                    }
                }

                return ExitCodes.Ok;
            }

            var (pos, parser) = LoadModels();
            var sets = given.Length > 0
                ? given.Select(f => (Name: f, Files: (IEnumerable<string>)[f])).ToList()
                : [("EWT dev", ["../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"]),
                   ("GUM news dev", Directory.Exists("../shared/data/gum/dev") ? Directory.GetFiles("../shared/data/gum/dev", "GUM_news_*.conllu").Order(StringComparer.Ordinal) : [])];
            foreach (var (name, files) in sets)
            {
                var list = files.ToList();
                if (list.Count == 0 || !list.All(File.Exists))
                {
                    Console.Error.WriteLine($"readout: evaluation files for {name} not found.");
                    return ExitCodes.Usage;
                }

                Console.WriteLine($"{name}: {TreebankEvaluator.EvaluateFiles(pos, parser, list)}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void PrintErrorClasses(IEnumerable<TempEvalError> errors)
    {
        var list = errors.ToList();
        Console.WriteLine($"Errors on the development half: {list.Count}, by class");
        var groups = TempEvalErrorClass.Group(list).ToList();
        foreach (var group in groups)
        {
            Console.WriteLine($"{group.Count(),4}  {group.Key}");
        }

        foreach (var group in groups)
        {
            Console.WriteLine();
            Console.WriteLine($"== {group.Key} ({group.Count()})");
            foreach (var e in group)
            {
                Console.WriteLine($"  {e.Document}: gold '{e.GoldText}' {e.GoldValue} | system '{e.SystemText}' {e.SystemValue}");
                Console.WriteLine($"      … {e.Context} …");
            }
        }

        Console.WriteLine();
    }
}
