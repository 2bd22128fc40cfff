using Microsoft.Data.Sqlite;

namespace Readout.Storage.Sqlite;

/// <summary>Bulk copies of the stored articles, for load tests and demonstrations.</summary>
public sealed partial class SqliteEventStore
{
    private static readonly string[] ArticleChildTables = ["regions", "sentences", "entities", "places", "timexes"];

    /// <summary>
    /// Adds <paramref name="copies"/> copies of every article now in the store, with all its layers,
    /// events and evidence. Copy <c>k</c> (1-based) is shifted <c>k × stepDays</c> days later: its
    /// publication time and day-precision event dates by that many days, week dates by whole weeks,
    /// month dates by whole months (<c>days / 30</c>) and coarser dates by whole years (<c>days / 365</c>).
    /// Copies get new ids and keys (<c>copyK:</c> + the original key), so they are new articles.
    /// Runs in one transaction per <paramref name="batchSize"/> copies with INSERT … SELECT, so
    /// 100,000 events take seconds; the full-text indexes are filled by the usual triggers.
    /// </summary>
    /// <param name="progress">Called with the number of copies written after each transaction.</param>
    /// <returns>The number of events in the store afterwards.</returns>
    /// <exception cref="InvalidOperationException">The store is read-only.</exception>
    public async Task<long> ReplicateAsync(int copies, int stepDays = 1, int batchSize = 250, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepDays, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_writer is null)
        {
            throw new InvalidOperationException($"The store at '{Path}' was opened read-only.");
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long maxArticle = await ScalarAsync(_writer, "SELECT ifnull(max(id), 0) FROM articles;", cancellationToken).ConfigureAwait(false);
            long maxEvent = await ScalarAsync(_writer, "SELECT ifnull(max(id), 0) FROM events;", cancellationToken).ConfigureAwait(false);
            long maxEvidence = await ScalarAsync(_writer, "SELECT ifnull(max(id), 0) FROM evidence;", cancellationToken).ConfigureAwait(false);
            var statements = new List<string>
            {
                await CopySqlAsync(_writer, "articles", "a.id <= $ta", new Dictionary<string, string>
                {
                    ["id"] = "a.id + c.k * $ta",
                    ["article_key"] = "'copy' || c.k || ':' || a.article_key",
                    ["document_id"] = "a.document_id || '~' || c.k",
                    ["url"] = "CASE WHEN a.url IS NULL THEN NULL ELSE a.url || '#copy-' || c.k END",
                    ["published"] = "CASE WHEN a.published IS NULL THEN NULL ELSE date(substr(a.published, 1, 10), '+' || c.n || ' days') || substr(a.published, 11) END",
                    ["published_date"] = "date(a.published_date, '+' || c.n || ' days')",
                }, cancellationToken).ConfigureAwait(false),
            };
            foreach (var table in ArticleChildTables)
            {
                statements.Add(await CopySqlAsync(_writer, table, "a.article_id <= $ta", new Dictionary<string, string>
                {
                    ["article_id"] = "a.article_id + c.k * $ta",
                }, cancellationToken).ConfigureAwait(false));
            }

            // New period starts per precision; the label ('date') is rewritten to match.
            const string Start = """
                CASE a.date_precision
                    WHEN 'Day' THEN date(a.date_start, '+' || c.n || ' days')
                    WHEN 'Week' THEN date(a.date_start, '+' || (7 * (c.n / 7)) || ' days')
                    WHEN 'Month' THEN date(a.date_start, '+' || (c.n / 30) || ' months')
                    ELSE date(a.date_start, '+' || (c.n / 365) || ' years') END
                """;
            statements.Add(await CopySqlAsync(_writer, "events", "a.id <= $te", new Dictionary<string, string>
            {
                ["id"] = "a.id + c.k * $te",
                ["article_id"] = "a.article_id + c.k * $ta",
                ["date_start"] = Start,
                ["date_end"] = """
                    CASE a.date_precision
                        WHEN 'Day' THEN date(a.date_end, '+' || c.n || ' days')
                        WHEN 'Week' THEN date(a.date_end, '+' || (7 * (c.n / 7)) || ' days')
                        WHEN 'Month' THEN date(a.date_start, '+' || (c.n / 30) || ' months', '+1 month', '-1 day')
                        ELSE date(a.date_end, '+' || (c.n / 365) || ' years') END
                    """,
                ["date"] = $"""
                    CASE WHEN a.date IS NULL OR a.date_start IS NULL THEN a.date
                        WHEN a.date_precision = 'Day' THEN {Start} || substr(a.date, 11)
                        WHEN a.date_precision = 'Month' THEN substr({Start}, 1, 7)
                        WHEN a.date_precision = 'Week' THEN strftime('%Y', {Start}, '+3 days') || '-W' ||
                            printf('%02d', (CAST(strftime('%j', {Start}, '+3 days') AS INTEGER) - 1) / 7 + 1)
                        WHEN a.date GLOB '[0-9][0-9][0-9][0-9]*' THEN printf('%04d', CAST(substr(a.date, 1, 4) AS INTEGER) + c.n / 365) || substr(a.date, 5)
                        ELSE a.date END
                    """,
            }, cancellationToken).ConfigureAwait(false));
            statements.Add(await CopySqlAsync(_writer, "evidence", "a.id <= $tv", new Dictionary<string, string>
            {
                ["id"] = "a.id + c.k * $tv",
                ["event_id"] = "a.event_id + c.k * $te",
                ["article_id"] = "a.article_id + c.k * $ta",
            }, cancellationToken).ConfigureAwait(false));

            for (int first = 1; first <= copies; first += batchSize)
            {
                int last = Math.Min(copies, first + batchSize - 1);
                using var tx = _writer.BeginTransaction(deferred: false);
                foreach (var sql in statements)
                {
                    using var cmd = _writer.CreateCommand();
                    cmd.Transaction = tx;
                    cmd.CommandText = sql;
                    cmd.Parameters.AddWithValue("$first", first);
                    cmd.Parameters.AddWithValue("$last", last);
                    cmd.Parameters.AddWithValue("$step", stepDays);
                    cmd.Parameters.AddWithValue("$ta", maxArticle);
                    cmd.Parameters.AddWithValue("$te", maxEvent);
                    cmd.Parameters.AddWithValue("$tv", maxEvidence);
                    await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                progress?.Invoke(last);
            }

            // Fresh statistics let the planner pick the right index for each filter.
            await ExecuteAsync(_writer, "ANALYZE;", cancellationToken).ConfigureAwait(false);
            return await ScalarAsync(_writer, "SELECT count(*) FROM events;", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>INSERT … SELECT of every column of <paramref name="table"/> from the template rows,
    /// once per copy k in [$first, $last]; <c>c.n</c> is the day shift of copy k.</summary>
    private static async Task<string> CopySqlAsync(SqliteConnection c, string table, string templateFilter, Dictionary<string, string> overrides, CancellationToken ct)
    {
        var columns = new List<string>();
        using (var info = c.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;";
            using var r = await info.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                columns.Add(r.GetString(0));
            }
        }

        var values = columns.Select(col => overrides.TryGetValue(col, out var expr) ? expr : "a." + col);
        return $"""
            WITH RECURSIVE c(k, n) AS (SELECT $first, $first * $step UNION ALL SELECT k + 1, (k + 1) * $step FROM c WHERE k < $last)
            INSERT INTO {table} ({string.Join(", ", columns)})
            SELECT {string.Join(", ", values)} FROM c CROSS JOIN {table} a WHERE {templateFilter} ORDER BY c.k;
            """;
    }

    private static async Task<long> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
