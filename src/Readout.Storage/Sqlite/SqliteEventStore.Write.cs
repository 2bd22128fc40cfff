using System.Globalization;
using Microsoft.Data.Sqlite;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Sqlite;

public sealed partial class SqliteEventStore
{
    public async Task<StoreOutcome> StoreAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_writer is null)
        {
            throw new InvalidOperationException($"The store at '{Path}' was opened read-only.");
        }

        var article = ArticleRows.From(document, _options.PipelineVersion);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    return await WriteAsync(_writer, article, cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException ex) when (IsBusy(ex) && attempt < BusyRetries)
                {
                    // Another process holds the write lock beyond the busy timeout: back off briefly.
                    await Task.Delay(50 << attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<StoreOutcome> WriteAsync(SqliteConnection c, ArticleRows a, CancellationToken ct)
    {
        using var tx = c.BeginTransaction(deferred: false);
        long? existing = null;
        {
            var find = Cached(tx, "SELECT id, content_hash, pipeline_version FROM articles WHERE article_key = $0;", 1);
            Bind(find, a.Key);
            using var r = await find.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                existing = r.GetInt64(0);
                if (r.GetString(1) == a.Hash && r.GetString(2) == a.PipelineVersion)
                {
                    long id = existing.Value;
                    await r.DisposeAsync().ConfigureAwait(false);
                    var count = Cached(tx, "SELECT count(*) FROM events WHERE article_id = $0;", 1);
                    Bind(count, id);
                    int events = Convert.ToInt32(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
                    return new StoreOutcome(StoreStatus.Unchanged, id, events);
                }
            }
        }

        var d = a.Document;
        var m = d.Metadata;
        object?[] articleValues =
        [
            a.Key, d.Id, m.Source, m.Url, m.Title, m.Published is { } p ? Iso(p) : null,
            m.PublishedDate is { } pd ? TimexDates.Format(pd) : null, m.Byline, m.Dateline, m.Language, m.Origin,
            a.Text, d.Text.Length, a.ReplacedCharacters, a.Hash, a.PipelineVersion, Iso(DateTimeOffset.UtcNow),
        ];
        long articleId;
        if (existing is { } old)
        {
            articleId = old;
            foreach (string table in (string[])["evidence", "events", "places", "entities", "timexes", "sentences", "regions"])
            {
                var delete = Cached(tx, $"DELETE FROM {table} WHERE article_id = $0;", 1);
                Bind(delete, articleId);
                await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            var update = Cached(tx, """
                UPDATE articles SET article_key = $0, document_id = $1, source = $2, url = $3, title = $4, published = $5,
                    published_date = $6, byline = $7, dateline = $8, language = $9, origin = $10, text = $11,
                    text_length = $12, replaced_chars = $13, content_hash = $14, pipeline_version = $15, stored_at = $16
                WHERE id = $17;
                """, 18);
            Bind(update, [.. articleValues, articleId]);
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        else
        {
            var insert = Cached(tx, """
                INSERT INTO articles (article_key, document_id, source, url, title, published, published_date, byline,
                    dateline, language, origin, text, text_length, replaced_chars, content_hash, pipeline_version, stored_at)
                VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id;
                """, 17);
            Bind(insert, articleValues);
            articleId = Convert.ToInt64(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        WriteStepHook?.Invoke("articles");
        await WriteLayersAsync(c, tx, articleId, a, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new StoreOutcome(existing is null ? StoreStatus.Stored : StoreStatus.Replaced, articleId, a.Events.Count, a.ReplacedCharacters);
    }

    private async Task WriteLayersAsync(SqliteConnection c, SqliteTransaction tx, long articleId, ArticleRows a, CancellationToken ct)
    {
        {
            var cmd = Cached(tx, "INSERT INTO regions (article_id, ordinal, kind, start, length, value) VALUES ($0, $1, $2, $3, $4, $5);", 6);
            for (int i = 0; i < a.Regions.Count; i++)
            {
                var r = a.Regions[i];
                Bind(cmd, articleId, i, r.Kind.ToString(), r.Span.Start, r.Span.Length, r.Value);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        {
            var cmd = Cached(tx, "INSERT INTO sentences (article_id, ordinal, first_token, end_token, start, length) VALUES ($0, $1, $2, $3, $4, $5);", 6);
            for (int i = 0; i < a.Sentences.Count; i++)
            {
                var s = a.Sentences[i];
                Bind(cmd, articleId, i, s.FirstToken, s.EndToken, s.Span.Start, s.Span.Length);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        {
            var cmd = Cached(tx, """
            INSERT INTO entities (article_id, ordinal, kind, start, length, first_token, end_token, text,
                actor_name, actor_country, actor_sector, actor_role, actor_evidence)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
            """, 13);
            for (int i = 0; i < a.Entities.Count; i++)
            {
                var e = a.Entities[i];
                var actor = a.ActorOf[i];
                Bind(cmd, articleId, i, e.Kind.ToString(), e.Span.Start, e.Span.Length, e.FirstToken, e.EndToken, e.Text,
                    actor?.Actor.Name, actor?.Actor.Country, actor?.Actor.Sector, actor?.Actor.Role, actor?.Evidence);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        WriteStepHook?.Invoke("entities");
        {
            var cmd = Cached(tx, """
            INSERT INTO places (article_id, ordinal, entity, name, country, latitude, longitude, gazetteer_id)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7);
            """, 8);
            for (int i = 0; i < a.Places.Count; i++)
            {
                var p = a.Places[i];
                Bind(cmd, articleId, i, p.Entity, p.Name, p.Country, p.Latitude, p.Longitude, p.GazetteerId);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        {
            var cmd = Cached(tx, """
            INSERT INTO timexes (article_id, ordinal, start, length, first_token, end_token, text, type, value, mod)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9);
            """, 10);
            for (int i = 0; i < a.Timexes.Count; i++)
            {
                var t = a.Timexes[i];
                Bind(cmd, articleId, i, t.Span.Start, t.Span.Length, t.FirstToken, t.EndToken, t.Text, t.Type.ToString(), t.Value, t.Mod);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        var events = Cached(tx, """
            INSERT INTO events (article_id, event_key, type, mode, context, cameo,
                source_text, source_start, source_length, source_name, source_country, source_sector, source_role,
                target_text, target_start, target_length, target_name, target_country, target_sector, target_role,
                attribution_text, attribution_start, attribution_length, attribution_name, attribution_country, attribution_sector, attribution_role,
                date, date_precision, date_source, date_start, date_end,
                location_name, location_country, location_latitude, location_longitude,
                modality, sentence, trigger_start, trigger_length, rule, confidence)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41)
            RETURNING id;
            """, 42);
        var evidence = Cached(tx, """
            INSERT INTO evidence (event_id, article_id, ordinal, sentence, start, length, sentence_start, sentence_length, sentence_text)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8);
            """, 9);
        foreach (var e in a.Events)
        {
            bool dated = TimexDates.TryGetRange(e.Date, out var start, out var end);
            var values = new List<object?>(42) { articleId, e.Id, e.Type.ToString(), e.Mode, e.Context, e.Cameo };
            AddArgument(values, e.Source);
            AddArgument(values, e.Target);
            AddArgument(values, e.Attribution);
            values.AddRange(
            [
                e.Date, e.DatePrecision.ToString(), e.DateSource, dated ? TimexDates.Format(start) : null, dated ? TimexDates.Format(end) : null,
                e.Location?.Name, e.Location?.Country, e.Location?.Latitude, e.Location?.Longitude,
                e.Modality.ToString(), e.Sentence, e.Trigger.Start, e.Trigger.Length, e.Rule, e.Confidence,
            ]);
            Bind(events, [.. values]);
            long eventId = Convert.ToInt64(await events.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);

            await WriteEvidenceAsync(evidence, eventId, articleId, 0, e.Sentence, e.Evidence, a, ct).ConfigureAwait(false);
            for (int i = 0; i < e.MoreEvidence.Count; i++)
            {
                await WriteEvidenceAsync(evidence, eventId, articleId, i + 1, null, e.MoreEvidence[i], a, ct).ConfigureAwait(false);
            }
        }

        WriteStepHook?.Invoke("events");
    }

    private static async Task WriteEvidenceAsync(
        SqliteCommand cmd, long eventId, long articleId, int ordinal, int? sentence, TextSpan span, ArticleRows a, CancellationToken ct)
    {
        int? index = sentence is { } s && s >= 0 && s < a.Sentences.Count ? s : a.SentenceAt(span.Start);
        var sentenceSpan = index is { } k ? a.Sentences[k].Span : span;
        Bind(cmd, eventId, articleId, ordinal, index ?? sentence, span.Start, span.Length,
            sentenceSpan.Start, sentenceSpan.Length, a.Document.Slice(sentenceSpan));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void AddArgument(List<object?> values, EventArgument? argument)
    {
        values.Add(argument?.Text);
        values.Add(argument?.Span.Start);
        values.Add(argument?.Span.Length);
        values.Add(argument?.Actor.Name);
        values.Add(argument?.Actor.Country);
        values.Add(argument?.Actor.Sector);
        values.Add(argument?.Actor.Role);
    }

    /// <summary>
    /// The writer's command for <paramref name="sql"/>, prepared once and reused for every article
    /// (re-preparing ~20 statements per article costs more than writing the rows). Only used under
    /// the write lock.
    /// </summary>
    private SqliteCommand Cached(SqliteTransaction tx, string sql, int parameters)
    {
        if (!_writerCommands.TryGetValue(sql, out var cmd))
        {
            cmd = Command(_writer!, tx, sql, parameters);
            _writerCommands.Add(sql, cmd);
        }

        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>A command with parameters <c>$0 … $n-1</c>, bound later by position.</summary>
    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, int parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (int i = 0; i < parameters; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params object?[] values)
    {
        if (values.Length != cmd.Parameters.Count)
        {
            throw new InvalidOperationException($"Bound {values.Length} values to {cmd.Parameters.Count} parameters.");
        }

        for (int i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                string s => LoneSurrogates.Replace(s, out _),
                var v => v,
            };
        }
    }
}
