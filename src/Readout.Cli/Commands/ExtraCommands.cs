using System.CommandLine;
using Readout.Nlp.Time.Evaluation;

namespace Readout.Cli.Commands;

/// <summary>Evaluation and model commands: `eval`, and (with the language core) `conllu` and `train`.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Eval();
    }

    private static Command Eval()
    {
        var what = new Argument<string>("what") { Description = "time: TempEval-3 scoring of the time normalizer" };
        what.AcceptOnlyFromAmong("time");
        var dir = new Option<string>("--data") { Description = "Folder with TimeML .tml files (TimeBank, AQUAINT)", DefaultValueFactory = _ => "../shared/data/tempeval3-train" };
        var cmd = new Command("eval", "Score a stage on evaluation data and print the figures") { what, dir };
        cmd.SetAction(pr =>
        {
            var root = pr.GetValue(dir)!;
            if (!Directory.Exists(root))
            {
                Console.Error.WriteLine($"readout: no evaluation data at '{root}'.");
                return ExitCodes.Usage;
            }

            foreach (var corpus in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                var report = TempEvalScorer.Evaluate(corpus);
                Console.WriteLine(report.ToString());
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
