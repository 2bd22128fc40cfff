using System.CommandLine;
using Readout.Ingest;

namespace Readout.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db") { Description = "SQLite store file", DefaultValueFactory = _ => "readout.db" };

    public static Option<string[]> Kb() => new("--kb") { Description = "Extra knowledge-base directories (same file names as data/kb)", AllowMultipleArgumentsPerToken = true };

    public static Option<string[]> Lexicon() => new("--lexicon") { Description = "Extra predicate lexicon files (data/lexicon format)", AllowMultipleArgumentsPerToken = true };

    /// <summary>Output as PLOVER codes it: planned or intended CONSULT, SUPPORT, COOPERATE, AID become AGREE, announced retreats CONCEDE.</summary>
    public static Option<bool> PloverStrict() => new("--plover-strict")
    {
        Description = "Output PLOVER's reading: planned or intended CONSULT, SUPPORT, COOPERATE and AID as AGREE, announced RETREAT as CONCEDE (default: Readout's type + modality)",
    };

    public static Option<string?> Published() => new("--published") { Description = "Publication date (ISO 8601, e.g. 2016-10-02) for plain text without metadata" };

    public static Option<string?> Source() => new("--source") { Description = "Source / outlet name for plain text" };

    public static Option<string?> Url() => new("--url") { Description = "URL for plain text" };

    public static Option<string?> Title() => new("--title") { Description = "Title for plain text" };

    /// <summary>Reader options from the flags; a bad date is a usage error with a clear message.</summary>
    public static bool TryReaderOptions(string? published, string? source, string? url, string? title, out ReaderOptions options, out string? error)
    {
        options = new ReaderOptions { Source = source, Url = url, Title = title };
        error = null;
        if (published is null)
        {
            return true;
        }

        if (!PublishedDate.TryParse(published, out var date))
        {
            error = $"--published '{published}' is not a date: use ISO 8601 such as 2016-10-02 or 2016-10-02T09:30:00+09:00.";
            return false;
        }

        options = options with { Published = date };
        return true;
    }
}
