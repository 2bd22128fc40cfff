namespace Readout.Nlp.Time;

/// <summary>The precision of a calendar value.</summary>
public enum Granularity
{
    Day,
    Weekend,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}
