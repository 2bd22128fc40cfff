using System.Diagnostics;
using Readout.Nlp.Conllu;
using Readout.Nlp.Parsing;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Training;

public static partial class LanguageTraining
{
    /// <summary>
    /// Trains the dependency parser and writes it to <paramref name="output"/>. The training
    /// sentences get jackknifed predicted tags (<paramref name="jackknifeFolds"/> folds, 0 for gold
    /// tags). With <paramref name="posModel"/>, dev sentences are parsed with predicted tags when
    /// choosing the epoch.
    /// </summary>
    public static ParserModel TrainParser(
        IReadOnlyList<string> train,
        IReadOnlyList<string>? dev,
        string output,
        int seed,
        TextWriter log,
        PosModel? posModel = null,
        ParserTrainingOptions? options = null,
        int jackknifeFolds = 4,
        PosTrainingOptions? posOptions = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var trainSentences = ConlluReader.ReadAnnotatedFiles(train);
        var devSentences = dev is { Count: > 0 } ? ConlluReader.ReadAnnotatedFiles(dev) : null;
        var trainTags = jackknifeFolds >= 2
            ? Jackknife.Tag(trainSentences, jackknifeFolds, (posOptions ?? new PosTrainingOptions { Epochs = 6 }) with { Seed = seed }, log)
            : null;
        var model = ParserTrainer.Train(trainSentences, trainTags, devSentences, posModel, (options ?? new ParserTrainingOptions()) with { Seed = seed }, log);
        model.Save(output);
        log.WriteLine($"parser: wrote {output} ({new FileInfo(output).Length / 1024} KiB) in {clock.Elapsed.TotalSeconds:F0} s");
        return model;
    }

    /// <summary>
    /// Writes a copy of the parser model <paramref name="source"/> without the weights smaller than
    /// <paramref name="threshold"/> in magnitude (0: none dropped), with the remaining weights rounded
    /// to multiples of <paramref name="quantum"/> when it is positive (else quantized again on a log
    /// scale over the narrower range). Deterministic: the same file and arguments give the same output file.
    /// </summary>
    public static ParserModel PruneParser(string source, float threshold, float quantum, string output, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var model = ParserModel.Load(source);
        var pruned = threshold > 0 ? model.Prune(threshold) : model;
        if (quantum > 0)
        {
            pruned = pruned.Quantized(quantum);
        }

        pruned.Save(output);
        log.WriteLine($"parser: pruned at {threshold}, quantum {quantum}: {model.WeightCount} → {pruned.WeightCount} weights; wrote {output} ({new FileInfo(output).Length / 1024} KiB)");
        return pruned;
    }
}
