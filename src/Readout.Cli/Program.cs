using System.CommandLine;
using Readout.Cli.Commands;

namespace Readout.Cli;

/// <summary>The `readout` executable: the composition root.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Readout: reads news reports and codes who did what to whom, when, where, how certainly, according to whom.");
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(AnnotateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(LoadDataCommand.Create());
        foreach (var extra in ExtraCommands.Create())
        {
            root.Subcommands.Add(extra);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("readout: " + error.Message);
            }

            await Console.Error.WriteLineAsync("Try 'readout --help'.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync();
    }
}
