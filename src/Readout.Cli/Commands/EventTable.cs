using System.Globalization;
using System.Text;
using Readout.Core.Layers;
using Readout.Storage;

namespace Readout.Cli.Commands;

/// <summary>The human-readable event table printed by `ingest` and `events`: one line per event, fixed columns.</summary>
internal static class EventTable
{
    public static void Write(IReadOnlyList<StoredEvent> events, int limit)
    {
        if (events.Count == 0)
        {
            Console.WriteLine("No events.");
            return;
        }

        int width = Console.IsOutputRedirected ? 200 : Math.Max(100, SafeWindowWidth());
        var sb = new StringBuilder();
        Row(sb, width, "id", "date", "type", "modality", "source", "target", "evidence");
        sb.AppendLine(new string('-', Math.Min(width, 160)));
        foreach (var s in events.Take(limit))
        {
            var e = s.Event;
            Row(
                sb,
                width,
                s.Id.ToString(CultureInfo.InvariantCulture),
                e.Date ?? "?",
                e.Type.ToString().ToUpperInvariant() + (e.Mode is null ? string.Empty : "/" + e.Mode),
                e.Modality.ToString().ToLowerInvariant(),
                Who(e.Source),
                Who(e.Target),
                s.SentenceText);
        }

        Console.Write(sb.ToString());
        if (events.Count > limit)
        {
            Console.WriteLine($"… {events.Count - limit} more: see 'readout events'.");
        }
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    private static void Row(StringBuilder sb, int width, string id, string date, string type, string modality, string source, string target, string evidence)
    {
        var line = $"{Fit(id, 5)} {Fit(date, 10)} {Fit(type, 15)} {Fit(modality, 12)} {Fit(source, 28)} {Fit(target, 28)} ";
        int room = Math.Max(20, width - line.Length - 1);
        sb.Append(line).AppendLine(Excerpt(evidence, room));
    }

    private static string Fit(string s, int n) => s.Length > n ? s[..(n - 1)] + "…" : s.PadRight(n);

    public static string Who(EventArgument? a) =>
        a is null ? "-" : $"{a.Actor.Name} ({a.Actor.Country ?? "?"}{(a.Actor.Sector is null ? string.Empty : " " + a.Actor.Sector)})";

    public static string Excerpt(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
