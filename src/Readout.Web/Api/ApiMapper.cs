using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>Store records to API shapes, and the plain-language explanation of an event.</summary>
internal static class ApiMapper
{
    public static string TypeName(EventType type) => Names<EventType>.Upper[type];

    /// <summary>An enum value's name in lower case (API field values), made once per value.</summary>
    public static string Lower<T>(T value)
        where T : struct, Enum => Names<T>.Lower[value];

    public static SpanDto Span(TextSpan span) => new(span.Start, span.End);

    /// <param name="explain">Whether to write the explanation (<see cref="Explain"/>); listings leave it out unless asked.</param>
    public static EventDto Event(StoredEvent s, bool explain = true)
    {
        var e = s.Event;
        return new EventDto(
            s.Id,
            s.ArticleId,
            e.Id,
            TypeName(e.Type),
            e.Mode,
            e.Context,
            e.Cameo,
            Argument(e.Source),
            Argument(e.Target),
            Argument(e.Attribution),
            e.Date,
            Lower(e.DatePrecision),
            e.DateSource,
            s.DateStart,
            s.DateEnd,
            e.Location is { } l ? new LocationDto(l.Name, l.Country, l.Latitude, l.Longitude) : null,
            Lower(e.Modality),
            Math.Round(e.Confidence, 3),
            e.Rule,
            CooperationScale.Weight(e.Type),
            Span(e.Evidence),
            Span(e.Trigger),
            [.. e.MoreEvidence.Select(Span)],
            new SentenceDto(s.SentenceSpan.Start, s.SentenceSpan.End, s.SentenceText),
            new ArticleRefDto(s.ArticleId, s.Article.Title, s.Article.Source, s.Article.Url, s.Article.Published),
            explain ? Explain(s) : null);
    }

    public static ArticleRefDto ArticleRef(long id, ArticleInfo a) => new(id, a.Title, a.Source, a.Url, a.Published);

    /// <summary>Why the event was coded as it was, one statement per line, from the stored fields only.</summary>
    public static IReadOnlyList<string> Explain(StoredEvent s)
    {
        var e = s.Event;
        var lines = new List<string>();
        string trigger = Slice(s, e.Trigger);
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{TypeName(e.Type)}{(e.Mode is null ? "" : " (" + e.Mode + ")")}, CAMEO {e.Cameo}: rule {e.Rule}{(trigger.Length > 0 ? " on the predicate \u201c" + trigger + "\u201d" : "")}, confidence {e.Confidence:0.00}."));
        lines.Add("Source: " + Who(e.Source) + ".");
        lines.Add("Target: " + Who(e.Target) + ".");
        lines.Add(e.Date is null
            ? "Date: unknown."
            : $"Date: {e.Date} ({Lower(e.DatePrecision)} precision), {(e.DateSource == "publication" ? "defaulted to the publication date" : "from a time expression in the text")}.");
        lines.Add("Modality: " + e.Modality switch
        {
            Modality.Asserted => "asserted (reported as having happened).",
            Modality.Planned => "planned (scheduled or announced).",
            Modality.Intended => "intended (hoped for, sought or proposed).",
            Modality.Hypothetical => "hypothetical (conditional or possible).",
            Modality.Negated => "negated (reported as not having happened).",
            _ => Lower(e.Modality) + ".",
        });
        if (e.Attribution is not null)
        {
            lines.Add("According to: " + Who(e.Attribution) + ".");
        }

        if (e.Location is { } l)
        {
            lines.Add($"Location: {l.Name}{(l.Country is null ? "" : " (" + l.Country + ")")}.");
        }

        if (e.MoreEvidence.Count > 0)
        {
            lines.Add($"Mentioned {e.MoreEvidence.Count + 1} times in the article.");
        }

        return lines;
    }

    private static string Who(EventArgument? a)
    {
        if (a is null)
        {
            return "none found";
        }

        // Written into one buffer: this runs for every event of every listing.
        var text = new DefaultInterpolatedStringHandler(16, 4);
        text.AppendFormatted(a.Actor.Name);
        bool details = false;
        foreach (string? detail in (ReadOnlySpan<string?>)[a.Actor.Country, a.Actor.Sector, a.Actor.Role])
        {
            if (!string.IsNullOrEmpty(detail))
            {
                text.AppendLiteral(details ? ", " : " (");
                text.AppendFormatted(detail);
                details = true;
            }
        }

        if (details)
        {
            text.AppendLiteral(")");
        }

        text.AppendLiteral(" from \u201c");
        text.AppendFormatted(a.Text);
        text.AppendLiteral("\u201d");
        return text.ToStringAndClear();
    }

    private static string Slice(StoredEvent s, TextSpan span)
    {
        int start = span.Start - s.SentenceSpan.Start;
        return start >= 0 && start + span.Length <= s.SentenceText.Length ? s.SentenceText.Substring(start, span.Length) : "";
    }

    private static ArgumentDto? Argument(EventArgument? a) =>
        a is null ? null : new ArgumentDto(a.Text, a.Span.Start, a.Span.End, a.Actor.Name, a.Actor.Country, a.Actor.Sector, a.Actor.Role);

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Upper = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => v.ToString().ToUpperInvariant());

        public static readonly FrozenDictionary<T, string> Lower = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => v.ToString().ToLowerInvariant());
    }
}
