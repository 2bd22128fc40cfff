using System.Diagnostics;
using Readout.Nlp.Conllu;
using Readout.Nlp.Tagging;

namespace Readout.Nlp.Training;

/// <summary>
/// Entry points behind <c>readout train pos|parser --train F --dev F --out F --seed N</c>.
/// A training path may be a CoNLL-U file or a directory of them; dev files only choose the epoch.
/// </summary>
/// <remarks>
/// The committed models were built with seed 1 from train = EWT train + the GUM train directory,
/// dev = EWT dev: <c>TrainPos(train, dev, "models/en-ud-pos.model", 1, log)</c>, then
/// <c>TrainParser(train, dev, "models/en-ud-parser.model", 1, log, PosModel.Load("models/en-ud-pos.model"))</c>
/// (4-fold jackknifed training tags; the POS model only tags dev for the epoch choice), then
/// <c>PruneParser("models/en-ud-parser.model", 0.5f, 0f, "models/en-ud-parser.model", log)</c>, then
/// <c>PruneParser("models/en-ud-parser.model", 0f, 0.25f, "models/en-ud-parser.model", log)</c>.
/// </remarks>
public static partial class LanguageTraining
{
    /// <summary>Trains the tagger and lemmatizer and writes the model to <paramref name="output"/>.</summary>
    public static PosModel TrainPos(IReadOnlyList<string> train, IReadOnlyList<string>? dev, string output, int seed, TextWriter log, PosTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var trainSentences = ConlluReader.ReadAnnotatedFiles(train);
        var devSentences = dev is { Count: > 0 } ? ConlluReader.ReadAnnotatedFiles(dev) : null;
        var model = PosTrainer.Train(trainSentences, devSentences, (options ?? new PosTrainingOptions()) with { Seed = seed }, log);
        model.Save(output);
        log.WriteLine($"pos: wrote {output} ({new FileInfo(output).Length / 1024} KiB) in {clock.Elapsed.TotalSeconds:F0} s");
        return model;
    }
}
