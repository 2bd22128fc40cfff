namespace Readout.Core;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A problem found while reading or processing a document. Never carries article text.</summary>
/// <param name="Code">Stable identifier such as <c>RD0001</c>, for scripts.</param>
/// <param name="Stage">The reader or stage that found it.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Stage, string Message, TextSpan? Span = null)
{
    public override string ToString() =>
        Span is { } s ? $"{Code} {Severity} [{Stage}] {Message} at {s}" : $"{Code} {Severity} [{Stage}] {Message}";
}
