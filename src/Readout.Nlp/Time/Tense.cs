namespace Readout.Nlp.Time;

/// <summary>The tense of the clause around a time expression, used to choose the direction of
/// an expression without a year ("on Sunday", "in May", "Dec. 15").</summary>
public enum Tense
{
    Unknown,
    Past,
    Present,
    Future,
}
