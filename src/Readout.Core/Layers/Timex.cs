namespace Readout.Core.Layers;

/// <summary>
/// A time expression with its TIMEX3 value: <c>2016-10-02</c>, <c>2016-12</c>, <c>2016-W40</c>,
/// <c>PAST_REF</c>, <c>P3D</c>, <c>XXXX-12-15</c> when no reference year is known.
/// </summary>
/// <param name="Mod">TimeML modifier (START, END, MID, APPROX, BEFORE, AFTER …) or null.</param>
public sealed record Timex(TextSpan Span, int FirstToken, int EndToken, string Text, TimexType Type, string Value, string? Mod = null);
