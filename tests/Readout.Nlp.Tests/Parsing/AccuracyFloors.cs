namespace Readout.Nlp.Tests.Parsing;

/// <summary>
/// Floors for the committed models, just below the figures measured when they were trained
/// (see the model commit message). Raise them with a better model; never lower them silently.
/// </summary>
internal static class AccuracyFloors
{
    public const double EwtUpos = 95.0;
    public const double EwtXpos = 94.2;
    public const double EwtLemma = 96.8;
    public const double EwtUas = 85.0;
    public const double EwtLas = 82.0;
    public const double GumUpos = 95.4;
    public const double GumLemma = 97.5;
    public const double GumLas = 80.5;
}
