using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Time.Evaluation;

/// <summary>A gold TIMEX3 annotation: its span in <see cref="TimeMLDocument.Text"/>, type, value and modifier.</summary>
public sealed record GoldTimex(TextSpan Span, TimexType Type, string Value, string? Mod);

/// <summary>A TimeML file read as plain text (the content of <c>&lt;TEXT&gt;</c> without tags,
/// entities decoded), its document creation time, and its gold time expressions.</summary>
public sealed record TimeMLDocument(string Id, string Text, DateOnly? CreationDate, IReadOnlyList<GoldTimex> Gold)
{
    /// <summary>The text as a pipeline document published at the creation date (midnight UTC); no gold in it.</summary>
    public Document ToDocument() => new(Id, Text, new DocumentMetadata
    {
        Published = CreationDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
    });
}
