using Readout.Core.Layers;
using Readout.Storage;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>The human-readable event table printed by `ingest` and `events`.</summary>
internal static class EventTable
{
    public static void Write(IReadOnlyList<StoredEvent> events, int limit)
    {
        if (events.Count == 0)
        {
            Console.WriteLine("No events.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "id", "date", "type", "modality", "source", "target", "evidence" })
        {
            table.AddColumn(h);
        }

        foreach (var s in events.Take(limit))
        {
            var e = s.Event;
            table.AddRow(
                s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.Date ?? "?"),
                Markup.Escape(e.Type.ToString().ToUpperInvariant() + (e.Mode is null ? string.Empty : "/" + e.Mode)),
                Markup.Escape(e.Modality.ToString().ToLowerInvariant()),
                Markup.Escape(Who(e.Source)),
                Markup.Escape(Who(e.Target)),
                Markup.Escape(Excerpt(s.SentenceText, 70)));
        }

        AnsiConsole.Write(table);
        if (events.Count > limit)
        {
            Console.WriteLine($"… {events.Count - limit} more: see 'readout events'.");
        }
    }

    public static string Who(EventArgument? a) =>
        a is null ? "-" : $"{a.Actor.Name} ({a.Actor.Country ?? "?"}{(a.Actor.Sector is null ? string.Empty : " " + a.Actor.Sector)})";

    public static string Excerpt(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
