using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Time;

/// <summary>A recognized and normalized time expression: a character span of the text given to
/// <see cref="TimeExpressionRecognizer.Find(string, int, int, TimeContext)"/>, its TIMEX3 type, value and modifier.</summary>
/// <param name="Span">Half-open character span in the whole text.</param>
/// <param name="Value">TIMEX3 value: <c>2016-10-02</c>, <c>2016-W40</c>, <c>P3D</c>, <c>PAST_REF</c>, <c>XXXX-12-15</c> ….</param>
/// <param name="Mod">TimeML modifier (START, END, MID, APPROX, MORE_THAN …) or null.</param>
/// <param name="Tense">The tense hint used to resolve the expression.</param>
/// <param name="Reaches">For a duration counted from the date last mentioned ("three days later"), the date it reaches.</param>
public readonly record struct TimexMatch(TextSpan Span, TimexType Type, string Value, string? Mod, Tense Tense, string? Reaches = null);
