namespace Readout.Cli;

/// <summary>Process exit codes (README): scripts rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some documents were skipped; the rest were processed.</summary>
    public const int SomeSkipped = 1;

    public const int Usage = 2;

    /// <summary>Nothing could be processed.</summary>
    public const int NothingProcessed = 3;
}
