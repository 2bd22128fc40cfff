using Readout.Core;

namespace Readout.Cli;

/// <summary>The one line printed on standard error for an input that was not processed.</summary>
internal static class SkipReport
{
    /// <summary>
    /// "skipped ORIGIN: REASON [CODE]". The readers' messages already begin with "ORIGIN: " so that
    /// they stand alone in a log; that prefix is not repeated.
    /// </summary>
    public static string Line(string verb, string origin, Diagnostic reason)
    {
        string message = reason.Message;
        if (message.StartsWith(origin + ": ", StringComparison.Ordinal))
        {
            message = message[(origin.Length + 2)..];
        }

        return $"{verb} {origin}: {message} [{reason.Code}]";
    }
}
