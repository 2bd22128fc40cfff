using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Time.Evaluation;

/// <summary>A gold TIMEX3 annotation: its span in <see cref="TimeMLDocument.Text"/>, type, value and modifier.</summary>
public sealed record GoldTimex(TextSpan Span, TimexType Type, string Value, string? Mod);

/// <summary>A TimeML file read as plain text (the content of <c>&lt;TEXT&gt;</c> without tags,
/// entities decoded), its document creation time, and its gold time expressions.</summary>
public sealed record TimeMLDocument(string Id, string Text, DateOnly? CreationDate, IReadOnlyList<GoldTimex> Gold);
