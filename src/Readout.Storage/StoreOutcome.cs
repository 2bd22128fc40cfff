namespace Readout.Storage;

/// <summary>The result of storing one article.</summary>
/// <param name="EventCount">Events now stored for the article.</param>
/// <param name="ReplacedCharacters">Lone UTF-16 surrogates in the text that were stored as U+FFFD
/// (SQLite stores UTF-8, which cannot hold them); offsets are unaffected.</param>
public sealed record StoreOutcome(StoreStatus Status, long ArticleId, int EventCount, int ReplacedCharacters = 0);
