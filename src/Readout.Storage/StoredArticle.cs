using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage;

/// <summary>
/// A stored article: text, metadata and the annotation layers an article view needs. All spans are
/// UTF-16 offsets into <see cref="Text"/>. Layers the document did not have are empty.
/// </summary>
public sealed record StoredArticle
{
    public required long Id { get; init; }

    /// <summary>The identity used to recognise a re-ingested article: <c>url:…</c> or <c>doc:source␟id</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The document id given by the reader.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The text as stored: identical to the document's, except that lone surrogates are U+FFFD.</summary>
    public required string Text { get; init; }

    public required DocumentMetadata Metadata { get; init; }

    /// <summary>SHA-256 of the text and the source, published time, title and URL, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    public required string PipelineVersion { get; init; }

    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>Lone surrogates that were stored as U+FFFD.</summary>
    public int ReplacedCharacters { get; init; }

    public IReadOnlyList<TextRegion> ExcludedRegions { get; init; } = [];

    public IReadOnlyList<TextSpan> Sentences { get; init; } = [];

    public IReadOnlyList<StoredEntity> Entities { get; init; } = [];

    public IReadOnlyList<PlaceMention> Places { get; init; } = [];

    public IReadOnlyList<Timex> Timexes { get; init; } = [];
}
