using Microsoft.Data.Sqlite;
using Readout.Core.Layers;

namespace Readout.Storage.Sqlite;

/// <summary>Aggregate reads for the dashboard: timelines, actors, places and interaction counts.</summary>
public sealed partial class SqliteEventStore
{
    public async Task<IReadOnlyList<TimelineCount>> GetTimelineAsync(EventQuery filter, TimelineBucket bucket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string period = bucket switch
        {
            TimelineBucket.Day => "e.date_start",
            // 'weekday 0' moves to the next Sunday (or stays on one); six days back is that week's Monday.
            TimelineBucket.Week => "date(e.date_start, 'weekday 0', '-6 days')",
            TimelineBucket.Month => "strftime('%Y-%m-01', e.date_start)",
            _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
        };
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var where = Filters(cmd, filter);
        where.Add("e.date_start IS NOT NULL");
        cmd.CommandText = $"SELECT {period} AS p, e.type, count(*) FROM events e WHERE {string.Join(" AND ", where)} GROUP BY p, e.type ORDER BY p, e.type;";
        var list = new List<TimelineCount>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new TimelineCount(TimexDates.Parse(r.GetString(0)), Enum.Parse<EventType>(r.GetString(1)), r.GetInt32(2)));
        }

        return list;
    }

    public async Task<IReadOnlyList<ActorSummary>> GetActorsAsync(string? nameContains, string? country, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var sides = new List<string>();
        foreach (var side in (string[])["source", "target"])
        {
            var where = new List<string> { $"{side}_name IS NOT NULL" };
            if (!string.IsNullOrWhiteSpace(nameContains))
            {
                where.Add($"readout_contains({side}_name, $name)");
            }

            if (!string.IsNullOrWhiteSpace(country))
            {
                where.Add($"{side}_country = $country");
            }

            sides.Add($"SELECT {side}_name AS name, {side}_country AS country, {side}_sector AS sector, date_start AS d FROM events WHERE {string.Join(" AND ", where)}");
        }

        if (!string.IsNullOrWhiteSpace(nameContains))
        {
            cmd.Parameters.AddWithValue("$name", nameContains.Trim());
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            cmd.Parameters.AddWithValue("$country", country.Trim().ToUpperInvariant());
        }

        cmd.CommandText = $"""
            SELECT name, country, max(sector), count(*) AS n, min(d), max(d)
            FROM ({string.Join(" UNION ALL ", sides)})
            GROUP BY name, country
            ORDER BY n DESC, name, country
            LIMIT $limit;
            """;
        cmd.Parameters.AddWithValue("$limit", Math.Min(limit, EventQuery.MaxLimit));
        var list = new List<ActorSummary>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ActorSummary(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.GetInt32(3),
                r.IsDBNull(4) ? null : TimexDates.Parse(r.GetString(4)),
                r.IsDBNull(5) ? null : TimexDates.Parse(r.GetString(5))));
        }

        return list;
    }

    public async Task<IReadOnlyList<PlaceCount>> GetPlacesAsync(EventQuery filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var where = Filters(cmd, filter);
        where.Add("e.location_latitude IS NOT NULL AND e.location_longitude IS NOT NULL");
        cmd.CommandText = $"""
            SELECT e.location_name, e.location_country, e.location_latitude, e.location_longitude, count(*) AS n
            FROM events e WHERE {string.Join(" AND ", where)}
            GROUP BY e.location_name, e.location_country, e.location_latitude, e.location_longitude
            ORDER BY n DESC, e.location_name
            LIMIT $limit;
            """;
        cmd.Parameters.AddWithValue("$limit", Math.Min(limit, EventQuery.MaxLimit * 10));
        var list = new List<PlaceCount>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new PlaceCount(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4)));
        }

        return list;
    }

    public async Task<IReadOnlyList<InteractionCount>> GetInteractionsAsync(EventQuery filter, NetworkLevel level, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var where = Filters(cmd, filter);
        string select = level switch
        {
            NetworkLevel.Country => "e.source_country AS s, e.source_country AS sc, e.target_country AS t, e.target_country AS tc",
            NetworkLevel.Actor => "e.source_name AS s, e.source_country AS sc, e.target_name AS t, e.target_country AS tc",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        where.Add(level == NetworkLevel.Country
            ? "e.source_country IS NOT NULL AND e.target_country IS NOT NULL"
            : "e.source_name IS NOT NULL AND e.target_name IS NOT NULL");
        // Unfiltered country counts are kept by triggers (0005_country_pair_counts.sql): a lookup, not a scan.
        cmd.CommandText = level == NetworkLevel.Country && filter with { Limit = EventQuery.DefaultLimit, AfterId = null } == new EventQuery()
            ? """
                SELECT source_country AS s, source_country AS sc, target_country AS t, target_country AS tc, type, events AS n
                FROM country_pair_counts
                ORDER BY n DESC, s, t, type
                LIMIT $limit;
                """
            : $"""
                SELECT {select}, e.type, count(*) AS n
                FROM events e WHERE {string.Join(" AND ", where)}
                GROUP BY s, sc, t, tc, e.type
                ORDER BY n DESC, s, t, e.type
                LIMIT $limit;
                """;
        cmd.Parameters.AddWithValue("$limit", Math.Min(limit, EventQuery.MaxLimit * 10));
        var list = new List<InteractionCount>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new InteractionCount(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                Enum.Parse<EventType>(r.GetString(4)), r.GetInt32(5)));
        }

        return list;
    }

    /// <summary>The WHERE terms of <paramref name="query"/> over <c>events e</c> (limit and cursor aside),
    /// with their parameters added to <paramref name="cmd"/>; the same semantics as <see cref="QueryEventsAsync"/>.</summary>
    private static List<string> Filters(SqliteCommand cmd, EventQuery query)
    {
        var where = new List<string> { "1 = 1" };
        if (query.Country is { } country)
        {
            where.Add("(e.source_country = $country OR e.target_country = $country)");
            cmd.Parameters.AddWithValue("$country", country.Trim().ToUpperInvariant());
        }

        if (query.Dyad is { } dyad)
        {
            where.Add("((e.source_country = $d1 AND e.target_country = $d2) OR (e.source_country = $d2 AND e.target_country = $d1))");
            cmd.Parameters.AddWithValue("$d1", dyad.First.Trim().ToUpperInvariant());
            cmd.Parameters.AddWithValue("$d2", dyad.Second.Trim().ToUpperInvariant());
        }

        if (ActorParameter(cmd, query))
        {
            where.Add($"(e.source_name IN ({ActorNames}) OR e.target_name IN ({ActorNames}))");
        }

        where.AddRange(CommonFilters(cmd, query));
        return where;
    }

    /// <summary>Adds <c>$actor</c> when <paramref name="query"/> filters by actor.</summary>
    private static bool ActorParameter(SqliteCommand cmd, EventQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Actor))
        {
            return false;
        }

        cmd.Parameters.AddWithValue("$actor", query.Actor.Trim());
        return true;
    }

    /// <summary>
    /// The WHERE terms of every filter but country, dyad and actor (which <see cref="QueryEventsAsync"/> splits
    /// into ordered branches), with their parameters added to <paramref name="cmd"/>.
    /// </summary>
    private static List<string> CommonFilters(SqliteCommand cmd, EventQuery query)
    {
        var where = new List<string>();
        if (query.Type is { } type)
        {
            where.Add("e.type = $type");
            cmd.Parameters.AddWithValue("$type", type.ToString());
        }

        if (query.From is { } from)
        {
            // The sort-key bound lets the date index seek instead of scanning from the start.
            where.Add($"e.date_start >= $from AND {SortKey} >= $from");
            cmd.Parameters.AddWithValue("$from", TimexDates.Format(from));
        }

        if (query.To is { } to)
        {
            where.Add($"e.date_start <= $to AND {SortKey} <= $to");
            cmd.Parameters.AddWithValue("$to", TimexDates.Format(to));
        }

        if (query.Modality is { } modality)
        {
            where.Add("e.modality = $modality");
            cmd.Parameters.AddWithValue("$modality", modality.ToString());
        }

        if (query.Text is { } text)
        {
            // The event id is part of the rowid of evidence_sorted_fts (0006_evidence_sorted_fts.sql): no lookup per match.
            where.Add("e.id IN (SELECT (rowid >> 8) & 4294967295 FROM evidence_sorted_fts WHERE evidence_sorted_fts MATCH $text)");
            cmd.Parameters.AddWithValue("$text", FtsQuery.Build(text, nameof(query)));
        }

        if (query.ArticleText is { } articleText)
        {
            where.Add("e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $atext)");
            cmd.Parameters.AddWithValue("$atext", FtsQuery.Build(articleText, nameof(query)));
        }

        if (query.ArticleId is { } articleId)
        {
            where.Add("e.article_id = $article");
            cmd.Parameters.AddWithValue("$article", articleId);
        }

        return where;
    }
}
