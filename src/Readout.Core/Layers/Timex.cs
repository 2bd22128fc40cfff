namespace Readout.Core.Layers;

/// <summary>
/// A time expression with its TIMEX3 value: <c>2016-10-02</c>, <c>2016-12</c>, <c>2016-W40</c>,
/// <c>PAST_REF</c>, <c>P3D</c>, <c>XXXX-12-15</c> when no reference year is known.
/// </summary>
/// <param name="Mod">TimeML modifier (START, END, MID, APPROX, BEFORE, AFTER …) or null.</param>
/// <param name="Reaches">For a DURATION counted from the date last mentioned ("three days later": <c>P3D</c>), the date
/// it reaches (<c>2016-10-05</c>), so what happened then can be dated; null otherwise.</param>
public sealed record Timex(TextSpan Span, int FirstToken, int EndToken, string Text, TimexType Type, string Value, string? Mod = null, string? Reaches = null);
