namespace Readout.Storage;

/// <summary>One full-text search result.</summary>
/// <param name="Snippet">A short excerpt with matches between <see cref="HighlightStart"/> and
/// <see cref="HighlightEnd"/>; escape it for HTML first, then replace the markers.</param>
/// <param name="Rank">BM25 relevance, higher is better (SQLite's bm25() negated).</param>
public sealed record ArticleHit(long ArticleId, ArticleInfo Article, string Snippet, double Rank)
{
    /// <summary>U+0002 (start of text) marks the start of a match in <see cref="Snippet"/>.</summary>
    public const string HighlightStart = "\u0002";

    /// <summary>U+0003 (end of text) marks the end of a match in <see cref="Snippet"/>.</summary>
    public const string HighlightEnd = "\u0003";
}
