using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Readout.Cli.Output;
using Readout.Core.Layers;
using Readout.Nlp.Events;
using Readout.Storage;
using Readout.Storage.Sqlite;

namespace Readout.Cli.Commands;

/// <summary>`readout events`: query the store with filters; table, JSON Lines or CSV.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var country = new Option<string?>("--country") { Description = "Either side is this country (ISO alpha-3, e.g. JPN)" };
        var dyad = new Option<string?>("--dyad") { Description = "Two countries, either direction: JPN,RUS" };
        var actor = new Option<string?>("--actor") { Description = "Source or target actor name contains this" };
        var type = new Option<string?>("--type") { Description = "PLOVER type: CONSULT, AGREE, …" };
        var from = new Option<string?>("--from") { Description = "Events on or after this date (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Events on or before this date (YYYY-MM-DD)" };
        var modality = new Option<string?>("--modality") { Description = "asserted, planned, intended, hypothetical or negated" };
        var text = new Option<string?>("--text") { Description = "Full-text query over evidence sentences" };
        var limit = new Option<int>("--limit") { Description = $"At most this many events (max {EventQuery.MaxLimit})", DefaultValueFactory = _ => EventQuery.DefaultLimit };
        var after = new Option<long?>("--after") { Description = "Paging cursor: events after this id" };
        var format = new Option<string>("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var ploverStrict = CommonOptions.PloverStrict();
        var cmd = new Command("events", "List stored events")
        {
            db, country, dyad, actor, type, from, to, modality, text, limit, after, format, ploverStrict,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            var errors = new List<string>();
            var query = new EventQuery
            {
                Country = Country(pr.GetValue(country), "--country", errors),
                Dyad = Dyad(pr.GetValue(dyad), errors),
                Actor = pr.GetValue(actor),
                Type = ParseEnum<EventType>(pr.GetValue(type), "--type", errors),
                From = ParseDate(pr.GetValue(from), "--from", errors),
                To = ParseDate(pr.GetValue(to), "--to", errors),
                Modality = ParseEnum<Modality>(pr.GetValue(modality), "--modality", errors),
                Text = pr.GetValue(text),
                Limit = Math.Clamp(pr.GetValue(limit), 1, EventQuery.MaxLimit),
                AfterId = pr.GetValue(after),
            };
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    await Console.Error.WriteLineAsync("readout: " + e);
                }

                return ExitCodes.Usage;
            }

            var path = pr.GetValue(db)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"readout: no store at '{path}': run 'readout ingest' first or pass --db.");
                return ExitCodes.Usage;
            }

            var (opened, storeError) = await StoreAccess.TryOpenAsync(path, new EventStoreOptions { ReadOnly = true }, ct);
            if (opened is null)
            {
                await Console.Error.WriteLineAsync("readout: " + storeError);
                return ExitCodes.Usage;
            }

            await using var store = opened;
            IReadOnlyList<StoredEvent> events;
            try
            {
                events = pr.GetValue(ploverStrict) ? await QueryStrictAsync(store, query, ct) : await store.QueryEventsAsync(query, ct);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync("readout: " + ex.Message);
                return ExitCodes.Usage;
            }

            switch (pr.GetValue(format))
            {
                case "json": WriteJson(events); break;
                case "csv": WriteCsv(events); break;
                default: EventTable.Write(events, limit: int.MaxValue); break;
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// The query answered over events as PLOVER codes them. The store holds Readout's own type and modality,
    /// so --type and --modality apply after the rewrite: pages are read without them until the limit is reached.
    /// </summary>
    private static async Task<IReadOnlyList<StoredEvent>> QueryStrictAsync(SqliteEventStore store, EventQuery query, CancellationToken ct)
    {
        static StoredEvent Rewrite(StoredEvent s) => s with { Event = PloverStrict.Apply(s.Event) };
        if (query.Type is null && query.Modality is null)
        {
            return [.. (await store.QueryEventsAsync(query, ct)).Select(Rewrite)];
        }

        var found = new List<StoredEvent>();
        var page = query with { Type = null, Modality = null, Limit = EventQuery.MaxLimit };
        while (found.Count < query.Limit)
        {
            var batch = await store.QueryEventsAsync(page, ct);
            found.AddRange(batch.Select(Rewrite).Where(s => (query.Type is null || s.Event.Type == query.Type) && (query.Modality is null || s.Event.Modality == query.Modality)));
            if (batch.Count < page.Limit)
            {
                break;
            }

            page = page with { AfterId = batch[^1].Id };
        }

        return [.. found.Take(query.Limit)];
    }

    private static string? Country(string? value, string flag, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.Trim().ToUpperInvariant();
        if (v.Length != 3 || !v.All(char.IsAsciiLetterUpper))
        {
            errors.Add($"{flag} '{value}' is not an ISO 3166-1 alpha-3 code such as JPN.");
            return null;
        }

        return v;
    }

    private static CountryPair? Dyad(string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            errors.Add($"--dyad '{value}' must be two alpha-3 codes separated by a comma, e.g. JPN,RUS.");
            return null;
        }

        var a = Country(parts[0], "--dyad", errors);
        var b = Country(parts[1], "--dyad", errors);
        return a is null || b is null ? null : new CountryPair(a, b);
    }

    private static T? ParseEnum<T>(string? value, string flag, List<string> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add($"{flag} '{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }

    private static DateOnly? ParseDate(string? value, string flag, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add($"{flag} '{value}' is not a date: use YYYY-MM-DD.");
        return null;
    }

    private static void WriteJson(IReadOnlyList<StoredEvent> events)
    {
        using var stdout = Console.OpenStandardOutput();
        foreach (var s in events)
        {
            using (var w = new Utf8JsonWriter(stdout))
            {
                w.WriteStartObject();
                w.WriteNumber("event_id", s.Id);
                w.WriteNumber("article_id", s.ArticleId);
                w.WriteString("article_title", s.Article.Title);
                w.WriteString("article_source", s.Article.Source);
                w.WriteString("article_url", s.Article.Url);
                w.WriteString("sentence", s.SentenceText);
                w.WritePropertyName("event");
                AnnotationJson.WriteEvent(w, s.Event);
                w.WriteEndObject();
            }

            stdout.WriteByte((byte)'\n');
        }
    }

    private static void WriteCsv(IReadOnlyList<StoredEvent> events)
    {
        var sb = new StringBuilder();
        sb.AppendLine("event_id,date,date_precision,type,mode,context,cameo,modality,source_name,source_country,source_sector,target_name,target_country,target_sector,location,attribution,confidence,rule,article_id,sentence");
        foreach (var s in events)
        {
            var e = s.Event;
            string[] cols =
            [
                s.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? string.Empty, e.DatePrecision.ToString().ToLowerInvariant(),
                e.Type.ToString().ToUpperInvariant(), e.Mode ?? string.Empty, e.Context ?? string.Empty, e.Cameo, e.Modality.ToString().ToLowerInvariant(),
                e.Source?.Actor.Name ?? string.Empty, e.Source?.Actor.Country ?? string.Empty, e.Source?.Actor.Sector ?? string.Empty,
                e.Target?.Actor.Name ?? string.Empty, e.Target?.Actor.Country ?? string.Empty, e.Target?.Actor.Sector ?? string.Empty,
                e.Location?.Name ?? string.Empty, e.Attribution?.Actor.Name ?? string.Empty, e.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                e.Rule, s.ArticleId.ToString(CultureInfo.InvariantCulture), s.SentenceText,
            ];
            sb.AppendJoin(',', cols.Select(Csv)).AppendLine();
        }

        Console.Write(sb.ToString());
    }

    private static string Csv(string v) =>
        v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}
