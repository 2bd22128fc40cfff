using System.CommandLine;
using System.Text;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Events;
using Readout.Storage;

namespace Readout.Cli.Commands;

/// <summary>`readout show ID`: one event, its evidence sentence with the spans marked, and why it was coded so.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "Event id (from 'readout events')" };
        var db = CommonOptions.Db();
        var ploverStrict = CommonOptions.PloverStrict();
        var cmd = new Command("show", "Show one event with its evidence and explanation") { id, db, ploverStrict };
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(db)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"readout: no store at '{path}'.");
                return ExitCodes.Usage;
            }

            var (opened, storeError) = await StoreAccess.TryOpenAsync(path, new EventStoreOptions { ReadOnly = true }, ct);
            if (opened is null)
            {
                await Console.Error.WriteLineAsync("readout: " + storeError);
                return ExitCodes.Usage;
            }

            await using var store = opened;
            var s = await store.GetEventAsync(pr.GetValue(id), ct);
            if (s is null)
            {
                await Console.Error.WriteLineAsync($"readout: no event {pr.GetValue(id)} in '{path}'.");
                return ExitCodes.Usage;
            }

            var e = pr.GetValue(ploverStrict) ? PloverStrict.Apply(s.Event) : s.Event;
            var sb = new StringBuilder();
            sb.AppendLine($"Event {s.Id}: {e.Type.ToString().ToUpperInvariant()}{(e.Mode is null ? string.Empty : " (" + e.Mode + ")")}, CAMEO {e.Cameo}{(e.Context is null ? string.Empty : ", context " + e.Context)}");
            sb.AppendLine($"  source:      {EventTable.Who(e.Source)}{Quoted(e.Source)}");
            sb.AppendLine($"  target:      {EventTable.Who(e.Target)}{Quoted(e.Target)}");
            sb.AppendLine($"  date:        {e.Date ?? "unknown"} ({e.DatePrecision.ToString().ToLowerInvariant()}, from {e.DateSource ?? "nothing"})");
            sb.AppendLine($"  modality:    {e.Modality.ToString().ToLowerInvariant()}");
            sb.AppendLine($"  location:    {(e.Location is { } l ? $"{l.Name} ({l.Country}) {l.Latitude:0.###},{l.Longitude:0.###}" : "-")}");
            sb.AppendLine($"  attribution: {EventTable.Who(e.Attribution)}");
            sb.AppendLine($"  article:     {s.ArticleId} {s.Article.Title ?? s.Article.Url ?? string.Empty} ({s.Article.Source ?? "?"}, {s.Article.Published?.ToString("yyyy-MM-dd") ?? "no date"})");
            sb.AppendLine($"  confidence:  {e.Confidence:0.00}");
            sb.AppendLine($"  rule:        {e.Rule}");
            sb.AppendLine();
            sb.AppendLine("Evidence ([source] {target} *predicate* <attribution>):");
            sb.AppendLine("  " + Mark(s.SentenceText, s.SentenceSpan.Start, e).ReplaceLineEndings(" "));
            Console.Write(sb.ToString());
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Quoted(EventArgument? a) => a is null ? string.Empty : $" — \"{a.Text}\"";

    /// <summary>Marks the argument and trigger spans inside the sentence (absolute offsets shifted by the sentence start).</summary>
    public static string Mark(string sentence, int sentenceStart, CodedEvent e)
    {
        var marks = new List<(int At, int Order, string Text)>();
        void Add(TextSpan? span, string open, string close)
        {
            if (span is { } sp && sp.Start >= sentenceStart && sp.End <= sentenceStart + sentence.Length)
            {
                marks.Add((sp.Start - sentenceStart, 1, open));
                marks.Add((sp.End - sentenceStart, 0, close));
            }
        }

        Add(e.Source?.Span, "[", "]");
        Add(e.Target?.Span, "{", "}");
        Add(e.Trigger, "*", "*");
        Add(e.Attribution?.Span, "<", ">");
        var sb = new StringBuilder(sentence);
        foreach (var (at, _, text) in marks.OrderByDescending(m => m.At).ThenBy(m => m.Order))
        {
            sb.Insert(at, text);
        }

        return sb.ToString();
    }
}
