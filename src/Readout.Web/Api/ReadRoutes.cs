using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Readout.Core.Layers;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>The read endpoints under <c>/api/v1</c>.</summary>
internal static class ReadRoutes
{
    public const int DefaultPage = 50;
    public const int MaxPage = 500;
    public const int MaxPlaces = 5000;
    public const int MaxEdges = 2000;
    public const int MaxSearch = 100;
    public const int MaxPeriods = 5000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/stats", Stats).WithName("GetStats").WithSummary("Article and event counts and the span of event dates");
        api.MapGet("/events", Events).WithName("ListEvents")
            .WithSummary("Events matching every filter given, ordered by date (undated last) then id; continue with next_cursor");
        api.MapGet("/events/{id:long}", Event).WithName("GetEvent").WithSummary("One event with all its evidence spans, rule, explanation and article");
        api.MapGet("/articles/{id:long}", Article).WithName("GetArticle")
            .WithSummary("An article: text, metadata, sentences, entities, excluded regions and its events with their evidence");
        api.MapGet("/actors", Actors).WithName("ListActors").WithSummary("Actors that are the source or target of events, most events first");
        api.MapGet("/actors/{name}/events", ActorEvents).WithName("ListActorEvents")
            .WithSummary("Events whose source or target name contains {name} (case-insensitive)");
        api.MapGet("/countries", Countries).WithName("ListCountries")
            .WithSummary("Countries and country pairs (dyads) with events between two countries, most events first");
        api.MapGet("/dyads/{first}/{second}/timeline", Timeline).WithName("GetDyadTimeline")
            .WithSummary("Events between two countries (either direction) per day, week or month and PLOVER type, with a cooperation-conflict score (-10..+10) per period");
        api.MapGet("/network", Network).WithName("GetNetwork")
            .WithSummary("Interaction network: nodes are countries or actors, directed edges count events, split into cooperation and conflict");
        api.MapGet("/places", Places).WithName("ListPlaces").WithSummary("Event locations with coordinates and event counts");
        api.MapGet("/search", Search).WithName("SearchArticles").WithSummary("Full-text search over article titles and texts, best match first");
    }

    private static async Task<IResult> Stats(HttpRequest request, IEventStore store, WriteGate gate, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var s = await store.GetStatsAsync(ct);
        return Results.Ok(new StatsDto(s.Articles, s.Events, s.FirstEventDate, s.LastEventDate, gate.Enabled, s.SchemaVersion));
    }

    private static async Task<IResult> Events(
        HttpRequest request, IEventStore store, [AsParameters] EventFilterParameters filters,
        [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "cursor")] string? cursor,
        [FromQuery(Name = "explain")] string? explain, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, [.. EventFilterParameters.Names, "limit", "cursor", "explain"]);
        var query = errors.Filters(filters);
        return await PageAsync(errors, store, query, limit, cursor, explain, ct);
    }

    private static async Task<IResult> ActorEvents(
        HttpRequest request, IEventStore store, string name, [AsParameters] EventFilterParameters filters,
        [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "cursor")] string? cursor,
        [FromQuery(Name = "explain")] string? explain, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, [.. EventFilterParameters.Names.Where(n => n != "actor"), "limit", "cursor", "explain"]);
        var query = errors.Filters(filters) with { Actor = errors.Text("name", name, required: true) };
        return await PageAsync(errors, store, query, limit, cursor, explain, ct);
    }

    /// <summary>
    /// A page of events. Listings leave each event's explanation out unless <c>explain=true</c>: the dashboard's tables
    /// do not show it (the article view and <c>/events/{id}</c> do), and it was a quarter of a listing's bytes and the
    /// only text built per event on every request.
    /// </summary>
    private static async Task<IResult> PageAsync(
        QueryErrors errors, IEventStore store, EventQuery query, string? limit, string? cursor, string? explain, CancellationToken ct)
    {
        int size = errors.Limit("limit", limit, DefaultPage, MaxPage);
        long? after = errors.Cursor("cursor", cursor);
        bool explained = errors.Flag("explain", explain, defaultValue: false);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        // One more than the page tells whether there is a next page.
        var found = await GuardAsync(errors, () => store.QueryEventsAsync(query with { Limit = size + 1, AfterId = after }, ct));
        if (found is null)
        {
            return errors.Problem();
        }

        var items = found.Take(size).Select(e => ApiMapper.Event(e, explained)).ToList();
        return Results.Ok(new EventPage(items, found.Count > size ? QueryErrors.MakeCursor(items[^1].Id) : null));
    }

    private static async Task<IResult> Event(HttpRequest request, IEventStore store, long id, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var found = await store.GetEventAsync(id, ct);
        if (found is null)
        {
            return NotFound($"There is no event {id}.");
        }

        var article = await store.GetArticleAsync(found.ArticleId, ct);
        var spans = new List<Readout.Core.TextSpan> { found.Event.Evidence };
        spans.AddRange(found.Event.MoreEvidence);
        var evidence = spans.Select((span, i) => new EvidenceDto(i, span.Start, span.End, article is not null && span.End <= article.Text.Length ? article.Text.Substring(span.Start, span.Length) : "")).ToList();
        return Results.Ok(new EventDetailDto(ApiMapper.Event(found), evidence));
    }

    private static async Task<IResult> Article(HttpRequest request, IEventStore store, long id, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var a = await store.GetArticleAsync(id, ct);
        if (a is null)
        {
            return NotFound($"There is no article {id}.");
        }

        var events = await store.QueryEventsAsync(new EventQuery { ArticleId = id, Limit = EventQuery.MaxLimit }, ct);
        var m = a.Metadata;
        return Results.Ok(new ArticleDto(
            a.Id, a.DocumentId, m.Title, m.Source, m.Url, m.Published, m.Byline, m.Dateline, m.Language, a.Text,
            [.. a.Sentences.Select(ApiMapper.Span)],
            [.. a.Entities.Select(e => new EntityDto(e.Mention.Span.Start, e.Mention.Span.End, e.Mention.Kind.ToString().ToLowerInvariant(), e.Mention.Text,
                e.Actor?.Name, e.Actor?.Country, e.Actor?.Sector, e.Actor?.Role))],
            [.. a.ExcludedRegions.Select(r => new RegionDto(r.Span.Start, r.Span.End, r.Kind.ToString().ToLowerInvariant()))],
            [.. events.OrderBy(e => e.Event.Evidence.Start).ThenBy(e => e.Id).Select(e => ApiMapper.Event(e))]));
    }

    private static async Task<IResult> Actors(
        HttpRequest request, IEventStore store, AggregateCache cache,
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "country")] string? country, [FromQuery(Name = "limit")] string? limit, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, "q", "country", "limit");
        string? name = errors.Text("q", q);
        string? code = errors.Country("country", country);
        int size = errors.Limit("limit", limit, DefaultPage, MaxPage);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var list = await cache.GetAsync($"actors|{name}|{code}|{size}", () => store.GetActorsAsync(name, code, size, ct));
        return Results.Ok(new ActorList([.. list.Select(a => new ActorDto(a.Name, a.Country, a.Sector, a.EventCount, a.FirstDate, a.LastDate))]));
    }

    private static async Task<IResult> Countries(HttpRequest request, IEventStore store, AggregateCache cache, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var result = await cache.GetAsync("countries", async () =>
        {
            var links = await store.GetInteractionsAsync(new EventQuery(), NetworkLevel.Country, int.MaxValue, ct);
            var countries = new Dictionary<string, int>(StringComparer.Ordinal);
            var dyads = new Dictionary<(string, string), List<(EventType, int)>>();
            foreach (var l in links)
            {
                countries[l.Source] = countries.GetValueOrDefault(l.Source) + l.Count;
                if (l.Target != l.Source)
                {
                    countries[l.Target] = countries.GetValueOrDefault(l.Target) + l.Count;
                }

                var key = string.CompareOrdinal(l.Source, l.Target) <= 0 ? (l.Source, l.Target) : (l.Target, l.Source);
                if (!dyads.TryGetValue(key, out var list))
                {
                    dyads[key] = list = [];
                }

                list.Add((l.Type, l.Count));
            }

            return new CountryList(
                [.. countries.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CountryDto(c.Key, c.Value))],
                [.. dyads.Where(d => d.Key.Item1 != d.Key.Item2)
                    .Select(d => new DyadDto(d.Key.Item1, d.Key.Item2, d.Value.Sum(x => x.Item2), CooperationScale.Score(d.Value)))
                    .OrderByDescending(d => d.Events).ThenBy(d => d.First, StringComparer.Ordinal).ThenBy(d => d.Second, StringComparer.Ordinal).Take(MaxPage)]);
        });
        return Results.Ok(result);
    }

    private static async Task<IResult> Timeline(
        HttpRequest request, IEventStore store, AggregateCache cache, string first, string second,
        [FromQuery(Name = "bucket")] string? bucket, [FromQuery(Name = "type")] string? type, [FromQuery(Name = "modality")] string? modality,
        [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, "bucket", "type", "modality", "from", "to");
        var a = errors.Country("first", first);
        var b = errors.Country("second", second);
        var size = errors.Enum<TimelineBucket>("bucket", bucket) ?? TimelineBucket.Month;
        var query = errors.Filters(new EventFilterParameters { Type = type, Modality = modality, From = from, To = to });
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        query = query with { Dyad = new CountryPair(a!, b!) };
        string key = string.Join('|', "timeline", a, b, size, query.Type, query.Modality, query.From, query.To);
        var counts = await cache.GetAsync(key, () => store.GetTimelineAsync(query, size, ct));
        var periods = new List<TimelinePeriod>();
        var byPeriod = counts.GroupBy(c => c.PeriodStart).ToDictionary(g => g.Key, g => g.ToList());
        if (counts.Count > 0)
        {
            var start = counts[0].PeriodStart;
            var end = counts[^1].PeriodStart;
            int span = Periods(start, end, size);
            if (span > MaxPeriods)
            {
                errors.Add("bucket", $"The timeline would have {span} periods of one {size.ToString().ToLowerInvariant()}; the limit is {MaxPeriods}: use a longer bucket or a date range.");
                return errors.Problem();
            }

            for (var p = start; p <= end; p = Next(p, size))
            {
                var here = byPeriod.GetValueOrDefault(p) ?? [];
                periods.Add(new TimelinePeriod(
                    p,
                    here.ToDictionary(c => ApiMapper.TypeName(c.Type), c => c.Count, StringComparer.Ordinal),
                    here.Sum(c => c.Count),
                    CooperationScale.Score(here.Select(c => (c.Type, c.Count)))));
            }
        }

        var types = counts.Select(c => c.Type).Distinct().Order().Select(ApiMapper.TypeName).ToList();
        return Results.Ok(new TimelineDto(
            [a!, b!], size.ToString().ToLowerInvariant(), types, counts.Sum(c => c.Count), CooperationScale.Score(counts.Select(c => (c.Type, c.Count))), periods));
    }

    private static int Periods(DateOnly start, DateOnly end, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Day => end.DayNumber - start.DayNumber + 1,
        TimelineBucket.Week => ((end.DayNumber - start.DayNumber) / 7) + 1,
        _ => ((end.Year - start.Year) * 12) + end.Month - start.Month + 1,
    };

    private static DateOnly Next(DateOnly p, TimelineBucket bucket) => bucket switch
    {
        TimelineBucket.Day => p.AddDays(1),
        TimelineBucket.Week => p.AddDays(7),
        _ => p.AddMonths(1),
    };

    private static async Task<IResult> Network(
        HttpRequest request, IEventStore store, AggregateCache cache, [AsParameters] EventFilterParameters filters,
        [FromQuery(Name = "level")] string? level, [FromQuery(Name = "limit")] string? limit, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, [.. EventFilterParameters.Names, "level", "limit"]);
        var query = errors.Filters(filters);
        var nodes = errors.Enum<NetworkLevel>("level", level) ?? NetworkLevel.Country;
        int size = errors.Limit("limit", limit, 300, MaxEdges);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var result = await GuardAsync(errors, () => cache.GetAsync($"network|{nodes}|{size}|{Key(query)}", async () =>
        {
            var links = await store.GetInteractionsAsync(query, nodes, MaxEdges * 16, ct);
            var edges = links.GroupBy(l => (l.Source, l.Target))
                .Select(g => new EdgeDto(g.Key.Source, g.Key.Target, g.Sum(x => x.Count),
                    g.Where(x => CooperationScale.IsCooperation(x.Type)).Sum(x => x.Count),
                    g.Where(x => CooperationScale.Weight(x.Type) < 0).Sum(x => x.Count),
                    CooperationScale.Score(g.Select(x => (x.Type, x.Count)))))
                .OrderByDescending(e => e.Events).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
                .Take(size).ToList();
            var country = links.SelectMany(l => new[] { (l.Source, l.SourceCountry), (l.Target, l.TargetCountry) })
                .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
            var weight = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in edges)
            {
                weight[e.Source] = weight.GetValueOrDefault(e.Source) + e.Events;
                if (e.Target != e.Source)
                {
                    weight[e.Target] = weight.GetValueOrDefault(e.Target) + e.Events;
                }
            }

            return new NetworkDto(
                nodes.ToString().ToLowerInvariant(),
                [.. weight.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => new NodeDto(w.Key, w.Key, country.GetValueOrDefault(w.Key), w.Value))],
                edges);
        }));
        return result is null ? errors.Problem() : Results.Ok(result);
    }

    private static async Task<IResult> Places(
        HttpRequest request, IEventStore store, AggregateCache cache, [AsParameters] EventFilterParameters filters,
        [FromQuery(Name = "limit")] string? limit, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, [.. EventFilterParameters.Names, "limit"]);
        var query = errors.Filters(filters);
        int size = errors.Limit("limit", limit, 1000, MaxPlaces);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var places = await GuardAsync(errors, () => cache.GetAsync($"places|{size}|{Key(query)}", () => store.GetPlacesAsync(query, size, ct)));
        return places is null
            ? errors.Problem()
            : Results.Ok(new PlaceList([.. places.Select(p => new PlaceDto(p.Name, p.Country, p.Latitude, p.Longitude, p.EventCount))]));
    }

    private static async Task<IResult> Search(
        HttpRequest request, IEventStore store, [FromQuery(Name = "q")] string? q, [FromQuery(Name = "limit")] string? limit, CancellationToken ct)
    {
        var errors = new QueryErrors();
        errors.OnlyKnown(request, "q", "limit");
        string? text = errors.Text("q", q, required: true);
        int size = errors.Limit("limit", limit, 20, MaxSearch);
        if (errors.HasErrors)
        {
            return errors.Problem();
        }

        var hits = await GuardAsync(errors, () => store.SearchArticlesAsync(text!, size, ct), "q");
        return hits is null ? errors.Problem() : Results.Ok(new SearchResult(text!, [.. hits.Select(Hit)]));
    }

    /// <summary>Turns the store's marker characters into plain text plus highlight ranges, so a client
    /// never has to insert markup into untrusted text.</summary>
    private static SearchHitDto Hit(ArticleHit hit)
    {
        var text = new System.Text.StringBuilder(hit.Snippet.Length);
        var highlights = new List<SpanDto>();
        int open = -1;
        foreach (char ch in hit.Snippet)
        {
            if (ch == ArticleHit.HighlightStart[0])
            {
                open = text.Length;
            }
            else if (ch == ArticleHit.HighlightEnd[0])
            {
                if (open >= 0 && text.Length > open)
                {
                    highlights.Add(new SpanDto(open, text.Length));
                }

                open = -1;
            }
            else
            {
                text.Append(ch);
            }
        }

        return new SearchHitDto(hit.ArticleId, ApiMapper.ArticleRef(hit.ArticleId, hit.Article), text.ToString(), highlights, Math.Round(hit.Rank, 4));
    }

    private static string Key(EventQuery q) => string.Join('|', q.Country, q.Dyad?.First, q.Dyad?.Second, q.Actor, q.Type, q.Modality, q.From, q.To, q.Text);

    /// <summary>Store argument errors (a cursor to a replaced event, a text query without words) become 400s.</summary>
    private static async Task<T?> GuardAsync<T>(QueryErrors errors, Func<Task<T>> run, string parameter = "q")
        where T : class
    {
        try
        {
            return await run();
        }
        catch (ArgumentException ex)
        {
            string message = ex.Message.Split(" (Parameter", 2)[0];
            string name = message.Contains("no longer exists", StringComparison.Ordinal) ? "cursor" : parameter;
            errors.Add(name, $"'{name}': {message}");
            return null;
        }
    }

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
