using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Storage.Sqlite;

public sealed partial class SqliteEventStore
{
    // Undated events sort last; the same expression is indexed (ix_events_date).
    private const string SortKey = "ifnull(e.date_start, '9999-12-31')";

    // Source and target country of an event, indexed with the sort key for dyad listings.
    private const string DyadKey = "(e.source_country || ' ' || e.target_country)";

    // The actor names containing $actor (case-insensitive); see 0004_listing_indexes.sql.
    private const string ActorNames = "SELECT name FROM actor_names WHERE readout_contains(name, $actor)";

    // An event's text and integer columns come as one JSON array (read in EventCells order), its reals
    // as columns of their own (exact doubles). Microsoft.Data.Sqlite crosses into native code for every
    // value read (~0.2-0.5 µs each): the ~55 columns of a listed event cost ~25 µs, 1.3 ms of a 51-event
    // page, against ~0.1 ms for SQLite writing the array and Utf8JsonReader reading it.
    private const string EventSelect = """
        SELECT CAST(json_array(e.id, e.article_id, e.event_key, e.type, e.mode, e.context, e.cameo,
                e.source_text, e.source_start, e.source_length, e.source_name, e.source_country, e.source_sector, e.source_role,
                e.target_text, e.target_start, e.target_length, e.target_name, e.target_country, e.target_sector, e.target_role,
                e.attribution_text, e.attribution_start, e.attribution_length, e.attribution_name, e.attribution_country,
                e.attribution_sector, e.attribution_role,
                e.date, e.date_precision, e.date_source, e.date_start, e.date_end, e.location_name, e.location_country,
                e.modality, e.sentence, e.trigger_start, e.trigger_length, e.rule,
                a.title, a.source, a.url, a.published,
                ev.start, ev.length, ev.sentence_start, ev.sentence_length, ev.sentence_text,
                (SELECT group_concat(m.start || ' ' || m.length, ' ' ORDER BY m.ordinal) FROM evidence m
                    WHERE m.event_id = e.id AND m.ordinal > 0)) AS BLOB) AS cells,
            e.confidence, e.location_latitude, e.location_longitude
        FROM events e
        JOIN articles a ON a.id = e.article_id
        JOIN evidence ev ON ev.event_id = e.id AND ev.ordinal = 0
        """;

    public async Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var session = await RentSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ListEventsAsync(session, query, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReturnSession(session);
        }
    }

    private static async Task<List<StoredEvent>> ListEventsAsync(ReadSession session, EventQuery query, CancellationToken cancellationToken)
    {
        // The parameters are gathered here and copied to the session's command for the finished SQL.
        using var cmd = new SqliteCommand();
        var where = new List<string>();

        // "Either side" filters are alternatives: one branch per direction, each of which an index on
        // (country or name, sort key, id) serves in order (see 0002_sorted_filter_indexes.sql and 0004).
        var branches = new List<string>();
        if (query.Country is { } country)
        {
            branches.AddRange(["e.source_country = $country", "e.target_country = $country"]);
            cmd.Parameters.AddWithValue("$country", country.Trim().ToUpperInvariant());
        }

        if (query.Dyad is { } dyad)
        {
            // The pair expression is what ix_events_dyad_sorted indexes (see 0004_listing_indexes.sql).
            string[] directions = [$"{DyadKey} = $d12", $"{DyadKey} = $d21"];
            branches = branches.Count == 0 ? [.. directions] : [.. branches.SelectMany(b => directions.Select(d => b + " AND " + d))];
            string first = dyad.First.Trim().ToUpperInvariant(), second = dyad.Second.Trim().ToUpperInvariant();
            cmd.Parameters.AddWithValue("$d12", first + " " + second);
            cmd.Parameters.AddWithValue("$d21", second + " " + first);
        }

        if (ActorParameter(cmd, query))
        {
            // likelihood(): with ANALYZE statistics (load-data runs it) the planner guessed the names
            // unselective and walked the date index, looking up every event's names until the page was
            // full, which for a rare name is the whole table; a name matches few events as a rule.
            string[] sides = [$"likelihood(e.source_name IN ({ActorNames}), 0.01)", $"likelihood(e.target_name IN ({ActorNames}), 0.01)"];
            branches = branches.Count == 0 ? [.. sides] : [.. branches.SelectMany(b => sides.Select(d => b + " AND " + d))];
        }

        where.AddRange(CommonFilters(cmd, query with { Text = null }));
        string? sortKey = null;
        if (query.AfterId is { } afterId)
        {
            var key = session.Command($"SELECT {SortKey} FROM events e WHERE e.id = $id;");
            key.Parameters.AddWithValue("$id", afterId);
            sortKey = (string?)await key.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"Event {afterId} no longer exists (its article was replaced); start the listing again.", nameof(query));
            where.Add($"({SortKey}, e.id) > ($afterKey, $afterId)");
            cmd.Parameters.AddWithValue("$afterKey", sortKey);
            cmd.Parameters.AddWithValue("$afterId", afterId);
        }

        // Page the ids over events alone, then join: sorting (key, id) pairs is far cheaper than
        // sorting joined rows with their sentence text when the planner sorts instead of scanning in order.
        var sql = new StringBuilder(EventSelect);
        bool walkText = false;
        if (query.Text is { } text)
        {
            cmd.Parameters.AddWithValue("$text", FtsQuery.Build(text, nameof(query)));

            // The date bounds and the cursor as rowid ranges of the text index (see 0006_evidence_sorted_fts.sql,
            // whose rowids are in listing order): the index seeks to them.
            var ranges = new List<string>();
            if (query.From is { } from)
            {
                ranges.Add("rowid >= $fromRow");
                cmd.Parameters.AddWithValue("$fromRow", SortedTextRowid(TimexDates.Format(from), 0, 0));
            }

            if (query.To is { } to)
            {
                ranges.Add("rowid < $toRow");
                cmd.Parameters.AddWithValue("$toRow", SortedTextRowid(TimexDates.Format(to), 0, 0) + (1L << 40));
            }

            if (sortKey is not null)
            {
                ranges.Add("rowid > $afterRow");
                cmd.Parameters.AddWithValue("$afterRow", SortedTextRowid(sortKey, query.AfterId!.Value, 255));
            }

            walkText = branches.Count == 0 || await FewTextMatchesAsync(session, cmd, ranges, cancellationToken).ConfigureAwait(false);
            if (walkText)
            {
                // Read the matches in listing order, check each event against the other filters, stop after
                // the page. An event whose sentences match more than once is taken at its first matching
                // sentence only (its lower ordinals sit just below it). CROSS JOIN keeps the index the outer loop.
                var terms = new List<string> { "f.evidence_sorted_fts MATCH $text" };
                terms.AddRange(ranges.Select(r => "f." + r));
                if (branches.Count > 0)
                {
                    terms.Add("(" + string.Join("\n  OR ", branches.Select(b => "(" + b + ")")) + ")");
                }

                terms.AddRange(where);

                // Last, and naming e (its lower bound is f.rowid & -256 spelled with e.id), so that SQLite checks
                // it only for events that pass every other filter: each check is a full-text query of its own
                // (~20 µs); checked on every later sentence it made 'said' with a dyad 5× slower.
                terms.Add("((f.rowid & 255) = 0 OR NOT EXISTS (SELECT 1 FROM evidence_sorted_fts g WHERE g.evidence_sorted_fts MATCH $text "
                    + "AND g.rowid >= ((f.rowid & -1099511627776) | (e.id << 8)) AND g.rowid < f.rowid))");
                sql.Append("\nWHERE e.id IN (SELECT e.id FROM evidence_sorted_fts f CROSS JOIN events e ON e.id = (f.rowid >> 8) & 4294967295");
                sql.Append("\nWHERE ").AppendJoin("\n  AND ", terms);
                sql.Append("\nORDER BY f.rowid LIMIT $limit)");
            }
            else
            {
                // Many matches and an either-side filter, which may hold few of them (q=troops&dyad=RUS,UKR):
                // each branch read in order from its index, checked against the set of matching events (the
                // unary + keeps the planner from driving the loop from the set). The set comes from evidence_fts,
                // in evidence id order, which is nearly event order: each branch's IN list is a b-tree built from
                // it, and built from evidence_sorted_fts (date order, or sorted first) it took 20-25 % longer.
                sql.Insert(0, "WITH text_matches(id) AS MATERIALIZED (SELECT x.event_id FROM evidence_fts f "
                    + "JOIN evidence x INDEXED BY ix_evidence_event_of ON x.id = f.rowid WHERE evidence_fts MATCH $text)\n");
                where.Add("+e.id IN text_matches");
            }
        }

        if (!walkText && branches.Count == 0)
        {
            sql.Append("\nWHERE e.id IN (SELECT e.id FROM events e");
            if (where.Count > 0)
            {
                sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
            }

            sql.Append($"\nORDER BY {SortKey}, e.id LIMIT $limit)");
        }
        else if (!walkText)
        {
            // Each branch yields its first page in order; the union of those pages holds the page.
            sql.Append("\nWHERE e.id IN (SELECT id FROM (");
            sql.AppendJoin("\nUNION ", branches.Select(b =>
                $"SELECT * FROM (SELECT e.id AS id, {SortKey} AS k FROM events e WHERE {string.Join(" AND ", where.Prepend(b))} ORDER BY k, e.id LIMIT $limit)"));
            sql.Append(")\nORDER BY k, id LIMIT $limit)");
        }

        sql.Append($"\nORDER BY {SortKey}, e.id;");
        cmd.Parameters.AddWithValue("$limit", Math.Min(query.Limit, EventQuery.MaxLimit));
        var listing = session.Command(sql.ToString());
        foreach (SqliteParameter p in cmd.Parameters)
        {
            listing.Parameters.AddWithValue(p.ParameterName, p.Value);
        }

        return await ReadEventsAsync(listing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a text filter with an either-side filter (country, dyad, actor) is walked in listing order
    /// (each match's event looked up and checked, ~1.8 µs a match in-process, until the page is full: all
    /// of them when the other filter holds few) rather than served as before this index existed: every
    /// match mapped to its event, and each branch's index read in order against that set (~0.6 µs a match,
    /// whatever the page needs). Neither wins everywhere (100,005 events, store call, in-process): walking,
    /// 'drills' with country=PRK ~1 against ~3 ms; 'the' with dyad=JPN,VNM ~13 against ~65 ms; from the set,
    /// 'troops' with dyad=RUS,UKR (no such event) ~4 against 16-21 ms, 'said' with it ~40 against 107 ms.
    /// Below 4,000 matches a walk costs at most ~7 ms; above it, the set is what it was before. Counting
    /// stops at the bound. Either plan gives the same rows.
    /// </summary>
    private static async Task<bool> FewTextMatchesAsync(ReadSession session, SqliteCommand parameters, List<string> ranges, CancellationToken ct)
    {
        const int Few = 4000;
        var count = session.Command("SELECT count(*) FROM (SELECT 1 FROM evidence_sorted_fts WHERE "
            + string.Join(" AND ", ranges.Prepend("evidence_sorted_fts MATCH $text")) + " LIMIT $few);");
        foreach (SqliteParameter p in parameters.Parameters)
        {
            if (p.ParameterName is "$text" or "$fromRow" or "$toRow" or "$afterRow")
            {
                count.Parameters.AddWithValue(p.ParameterName, p.Value);
            }
        }

        count.Parameters.AddWithValue("$few", Few);
        return (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))! < Few;
    }

    /// <summary>
    /// The rowid in evidence_sorted_fts of evidence <paramref name="ordinal"/> of event <paramref name="eventId"/>
    /// whose sort key is <paramref name="sortKey"/> ('yyyy-MM-dd'); the same arithmetic as the triggers of
    /// 0006_evidence_sorted_fts.sql, so rowids compare as (sort key, event id, ordinal).
    /// </summary>
    internal static long SortedTextRowid(string sortKey, long eventId, int ordinal)
    {
        int Number(int start, int length) => int.Parse(sortKey.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
        long code = (Number(0, 4) * 416L) + (Number(5, 2) * 32L) + Number(8, 2);
        return (code << 40) | (eventId << 8) | (long)ordinal;
    }

    public async Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default)
    {
        var session = await RentSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cmd = session.Command(EventSelect + "\nWHERE e.id = $id;");
            cmd.Parameters.AddWithValue("$id", id);
            var events = await ReadEventsAsync(cmd, cancellationToken).ConfigureAwait(false);
            return events.Count == 0 ? null : events[0];
        }
        finally
        {
            ReturnSession(session);
        }
    }

    public async Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: the article and its layers come from the same snapshot.
        using var tx = c.BeginTransaction(deferred: true);
        StoredArticle article;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT * FROM articles WHERE id = $id;";
            cmd.Parameters.AddWithValue("$id", id);
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var row = new Row(r);
            article = new StoredArticle
            {
                Id = row.Long("id"),
                Key = row.String("article_key"),
                DocumentId = row.String("document_id"),
                Text = row.String("text"),
                Metadata = new DocumentMetadata
                {
                    Source = row.StringOrNull("source"),
                    Url = row.StringOrNull("url"),
                    Title = row.StringOrNull("title"),
                    Published = ParseTime(row.StringOrNull("published")),
                    Byline = row.StringOrNull("byline"),
                    Dateline = row.StringOrNull("dateline"),
                    Language = row.String("language"),
                    Origin = row.StringOrNull("origin"),
                },
                ContentHash = row.String("content_hash"),
                PipelineVersion = row.String("pipeline_version"),
                StoredAt = ParseTime(row.String("stored_at"))!.Value,
                ReplacedCharacters = row.Int("replaced_chars"),
            };
        }

        var regions = await ReadListAsync(c, tx, "SELECT * FROM regions WHERE article_id = $id ORDER BY ordinal;", id, row =>
            new TextRegion(row.Span("start", "length"), Enum.Parse<RegionKind>(row.String("kind")), row.StringOrNull("value")), cancellationToken).ConfigureAwait(false);
        var sentences = await ReadListAsync(c, tx, "SELECT * FROM sentences WHERE article_id = $id ORDER BY ordinal;", id, row =>
            row.Span("start", "length"), cancellationToken).ConfigureAwait(false);
        var entities = await ReadListAsync(c, tx, "SELECT * FROM entities WHERE article_id = $id ORDER BY ordinal;", id, row =>
            new StoredEntity(
                row.Int("ordinal"),
                new EntityMention(row.Span("start", "length"), row.Int("first_token"), row.Int("end_token"), Enum.Parse<EntityKind>(row.String("kind")), row.String("text")),
                row.StringOrNull("actor_name") is { } name
                    ? new Actor(name, row.StringOrNull("actor_country"), row.StringOrNull("actor_sector"), row.StringOrNull("actor_role"))
                    : null,
                row.StringOrNull("actor_evidence")), cancellationToken).ConfigureAwait(false);
        var places = await ReadListAsync(c, tx, "SELECT * FROM places WHERE article_id = $id ORDER BY ordinal;", id, row =>
            new PlaceMention(row.Int("entity"), row.String("name"), row.StringOrNull("country"), row.DoubleOrNull("latitude"),
                row.DoubleOrNull("longitude"), row.StringOrNull("gazetteer_id")), cancellationToken).ConfigureAwait(false);
        var timexes = await ReadListAsync(c, tx, "SELECT * FROM timexes WHERE article_id = $id ORDER BY ordinal;", id, row =>
            new Timex(row.Span("start", "length"), row.Int("first_token"), row.Int("end_token"), row.String("text"),
                Enum.Parse<TimexType>(row.String("type")), row.String("value"), row.StringOrNull("mod")), cancellationToken).ConfigureAwait(false);
        return article with { ExcludedRegions = regions, Sentences = sentences, Entities = entities, Places = places, Timexes = timexes };
    }

    public async Task<IReadOnlyList<ArticleHit>> SearchArticlesAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        string match = FtsQuery.Build(query, nameof(query));
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT a.id, a.title, a.source, a.url, a.published,
                snippet(articles_fts, -1, char(2), char(3), '…', 16) AS snippet, bm25(articles_fts) AS rank
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH $q
            ORDER BY rank, a.id
            LIMIT $limit;
            """;
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$limit", Math.Min(limit, EventQuery.MaxLimit));
        return await ReadAllAsync(cmd, row => new ArticleHit(
                row.Long("id"),
                new ArticleInfo(row.StringOrNull("title"), row.StringOrNull("source"), row.StringOrNull("url"), ParseTime(row.StringOrNull("published"))),
                row.StringOrNull("snippet") ?? "",
                -row.Double("rank")),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var tx = c.BeginTransaction(deferred: true);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT (SELECT ifnull(max(version), 0) FROM schema_version),
                (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM evidence),
                (SELECT count(*) FROM entities), (SELECT count(*) FROM places), (SELECT count(*) FROM timexes),
                (SELECT count(*) FROM regions), (SELECT nullif(min(ifnull(date_start, '9999-12-31')), '9999-12-31') FROM events),
                (SELECT max(date_end) FROM events);
            """;
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStats(
            r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7),
            r.IsDBNull(8) ? null : TimexDates.Parse(r.GetString(8)),
            r.IsDBNull(9) ? null : TimexDates.Parse(r.GetString(9)));
    }

    /// <summary>Reads the events of one statement. Further evidence spans come in the same row
    /// (<c>more_evidence</c>), so one statement is one consistent read, with no transaction around it.</summary>
    private static async Task<List<StoredEvent>> ReadEventsAsync(SqliteCommand cmd, CancellationToken ct)
    {
        var list = new List<StoredEvent>();
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(ToEvent(r.GetFieldValue<byte[]>(0), r.GetDouble(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3)));
        }

        return list;
    }

    /// <summary>Every row of the command's result, mapped; ordinals are looked up once.</summary>
    private static async Task<List<T>> ReadAllAsync<T>(SqliteCommand cmd, Func<Row, T> map, CancellationToken ct)
    {
        var list = new List<T>();
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var row = new Row(r);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(map(row));
        }

        return list;
    }

    /// <summary>'start length start length …' of the evidence spans after the first, or null.</summary>
    private static List<TextSpan> Spans(string? pairs)
    {
        if (pairs is null)
        {
            return [];
        }

        var numbers = pairs.Split(' ');
        var spans = new List<TextSpan>(numbers.Length / 2);
        for (int i = 0; i + 1 < numbers.Length; i += 2)
        {
            spans.Add(new TextSpan(int.Parse(numbers[i], CultureInfo.InvariantCulture), int.Parse(numbers[i + 1], CultureInfo.InvariantCulture)));
        }

        return spans;
    }

    /// <summary>An event from the <c>cells</c> array of <see cref="EventSelect"/> and its three real columns.</summary>
    private static StoredEvent ToEvent(byte[] json, double confidence, double? latitude, double? longitude)
    {
        var cells = new EventCells(json);
        long id = cells.Long(), articleId = cells.Long();
        string key = cells.String(), type = cells.String();
        string? mode = cells.StringOrNull(), context = cells.StringOrNull();
        string cameo = cells.String();
        var source = cells.Argument();
        var target = cells.Argument();
        var attribution = cells.Argument();
        string? date = cells.StringOrNull();
        string precision = cells.String();
        string? dateSource = cells.StringOrNull(), dateStart = cells.StringOrNull(), dateEnd = cells.StringOrNull();
        string? place = cells.StringOrNull(), placeCountry = cells.StringOrNull();
        string modality = cells.String();
        int sentence = cells.Int();
        var trigger = new TextSpan(cells.Int(), cells.Int());
        string rule = cells.String();
        var article = new ArticleInfo(cells.StringOrNull(), cells.StringOrNull(), cells.StringOrNull(), ParseTime(cells.StringOrNull()));
        var evidence = new TextSpan(cells.Int(), cells.Int());
        var sentenceSpan = new TextSpan(cells.Int(), cells.Int());
        string sentenceText = cells.String();
        var more = Spans(cells.StringOrNull());
        var coded = new CodedEvent
        {
            Id = key,
            Type = Enum.Parse<EventType>(type),
            Mode = mode,
            Context = context,
            Cameo = cameo,
            Source = source,
            Target = target,
            Attribution = attribution,
            Date = date,
            DatePrecision = Enum.Parse<DatePrecision>(precision),
            DateSource = dateSource,
            Location = place is null ? null : new EventLocation(place, placeCountry, latitude, longitude),
            Modality = Enum.Parse<Modality>(modality),
            Sentence = sentence,
            Evidence = evidence,
            MoreEvidence = more,
            Trigger = trigger,
            Rule = rule,
            Confidence = confidence,
        };
        return new StoredEvent(
            id,
            articleId,
            article,
            coded,
            sentenceText,
            sentenceSpan,
            dateStart is null ? null : TimexDates.Parse(dateStart),
            dateEnd is null ? null : TimexDates.Parse(dateEnd));
    }

    private static async Task<IReadOnlyList<T>> ReadListAsync<T>(
        SqliteConnection c, SqliteTransaction tx, string sql, long articleId, Func<Row, T> map, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$id", articleId);
        return await ReadAllAsync(cmd, map, ct).ConfigureAwait(false);
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Reads columns of the current row by name; ordinals are looked up once per reader.</summary>
    private sealed class Row(SqliteDataReader reader)
    {
        private readonly Dictionary<string, int> _ordinals = Ordinals(reader);

        public string String(string column) => reader.GetString(_ordinals[column]);

        public string? StringOrNull(string column) => reader.IsDBNull(_ordinals[column]) ? null : reader.GetString(_ordinals[column]);

        public int Int(string column) => reader.GetInt32(_ordinals[column]);

        public long Long(string column) => reader.GetInt64(_ordinals[column]);

        public double Double(string column) => reader.GetDouble(_ordinals[column]);

        public double? DoubleOrNull(string column) => reader.IsDBNull(_ordinals[column]) ? null : reader.GetDouble(_ordinals[column]);

        public TextSpan Span(string start, string length) => new(Int(start), Int(length));

        private static Dictionary<string, int> Ordinals(SqliteDataReader reader)
        {
            var map = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
            for (int i = 0; i < reader.FieldCount; i++)
            {
                map.TryAdd(reader.GetName(i), i);
            }

            return map;
        }
    }
}
