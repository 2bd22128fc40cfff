using System.Diagnostics.CodeAnalysis;
using Readout.Core;

namespace Readout.Ingest;

/// <summary>
/// One outcome of reading: either a <see cref="Document"/> or a skip, which carries the origin
/// and a <see cref="Diagnostic"/> saying why. Never both.
/// </summary>
public sealed class ReadResult
{
    private ReadResult(string origin, Document? document, Diagnostic? diagnostic)
    {
        Origin = origin;
        Document = document;
        Diagnostic = diagnostic;
    }

    /// <summary>The file path, with <c>#line N</c> or <c>#item N</c> for one record of a multi-document file.</summary>
    public string Origin { get; }

    /// <summary>The document read, or null for a skip. Warnings (RD0010, RD0012) are in its <see cref="Document.Diagnostics"/>.</summary>
    public Document? Document { get; }

    /// <summary>Why the input was skipped, or null when a document was read.</summary>
    public Diagnostic? Diagnostic { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Diagnostic))]
    public bool IsDocument => Document is not null;

    public static ReadResult Read(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ReadResult(document.Metadata.Origin ?? document.Id, document, null);
    }

    public static ReadResult Skip(string origin, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ReadResult(origin, null, diagnostic);
    }

    /// <summary>A skip with an error diagnostic of the ingest stage.</summary>
    internal static ReadResult Skip(string origin, string code, string message) =>
        Skip(origin, new Diagnostic(code, Severity.Error, IngestCodes.Stage, message));

    public override string ToString() => IsDocument ? $"{Origin}: document '{Document.Id}'" : $"{Origin}: skipped: {Diagnostic}";
}
