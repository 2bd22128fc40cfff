using System.Text.Json;
using Readout.Core;
using Readout.Core.Layers;
using Xunit.Abstractions;

namespace Readout.Nlp.Tests.Seed;

/// <summary>
/// The canonical Kyodo article (../shared/data/seed) against an analyst's reading of it. The gold
/// file is read only to score the output; the pipeline sees the text and the publication date.
/// </summary>
public class SeedArticleTests(ITestOutputHelper output)
{
    private const string Name = "kyodo-2016-10-02-abe-dvorkovich";

    private static readonly Lazy<(Document Doc, JsonElement Gold)> Run = new(() =>
    {
        var dir = Path.Combine(RepoPaths.SharedData, "seed");
        var text = File.ReadAllText(Path.Combine(dir, Name + ".txt"));
        var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, Name + ".gold.json"))).RootElement.Clone();
        var doc = new Document(Name, text, new DocumentMetadata { Published = new DateTimeOffset(2016, 10, 2, 0, 0, 0, TimeSpan.Zero), Origin = Name + ".txt" });
        var pipeline = ReadoutPipeline.Build(ReadoutPipeline.Load(RepoPaths.Root));
        Assert.True(pipeline.Process(doc), string.Join("; ", doc.Diagnostics));
        return (doc, gold);
    });

    [Fact]
    public void Events_AllMustFound_NoneOutsideMustOrMay()
    {
        var (doc, gold) = Run.Value;
        var events = doc.Get(LayerKeys.Events);
        var must = gold.GetProperty("events").GetProperty("must").EnumerateArray().ToList();
        var may = gold.GetProperty("events").GetProperty("may").EnumerateArray().ToList();
        foreach (var e in events)
        {
            output.WriteLine($"{e.Id} {e.Type} {e.Source?.Actor.Name}({e.Source?.Actor.Country}) -> {e.Target?.Actor.Name}({e.Target?.Actor.Country}) {e.Date} {e.Modality} | {doc.Slice(e.Trigger)} | {e.Rule}");
        }

        var missing = must.Where(g => !events.Any(e => Matches(e, g, strict: true))).Select(g => g.GetProperty("id").GetString()).ToList();
        var spurious = events.Where(e => !must.Any(g => Matches(e, g, strict: true)) && !may.Any(g => Matches(e, g, strict: false)))
            .Select(e => $"{e.Type} {e.Source?.Actor.Country}->{e.Target?.Actor.Country} {e.Date} {e.Modality} '{doc.Slice(e.Trigger)}'").ToList();
        double recall = 100.0 * (must.Count - missing.Count) / must.Count;
        double precision = events.Count == 0 ? 0 : 100.0 * (events.Count - spurious.Count) / events.Count;
        output.WriteLine($"events: recall {recall:0.0}% ({must.Count - missing.Count}/{must.Count}), precision {precision:0.0}% ({events.Count - spurious.Count}/{events.Count})");
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.True(spurious.Count == 0, "not in must or may: " + string.Join("; ", spurious));
    }

    [Fact]
    public void Entities_MustPeopleResolvedWithCountryAndSector()
    {
        var (doc, gold) = Run.Value;
        var entities = doc.Get(LayerKeys.Entities);
        var actors = doc.Get(LayerKeys.Actors).ToDictionary(a => a.Entity);
        var people = gold.GetProperty("entities").GetProperty("must").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == "PERSON").ToList();
        var missing = new List<string>();
        foreach (var g in people)
        {
            var name = g.GetProperty("name").GetString()!;
            bool found = Enumerable.Range(0, entities.Count).Any(i => entities[i].Kind == EntityKind.Person && actors.TryGetValue(i, out var a)
                && a.Actor.Name.EndsWith(name.Split(' ')[^1], StringComparison.Ordinal)
                && a.Actor.Country == g.GetProperty("country").GetString() && a.Actor.Sector == g.GetProperty("sector").GetString());
            if (!found)
            {
                missing.Add(name);
            }
        }

        foreach (var (e, i) in entities.Select((e, i) => (e, i)))
        {
            output.WriteLine($"{e.Kind} '{e.Text}' -> {(actors.TryGetValue(i, out var a) ? $"{a.Actor} [{a.Evidence}]" : "-")}");
        }

        output.WriteLine($"people: recall {100.0 * (people.Count - missing.Count) / people.Count:0.0}% ({people.Count - missing.Count}/{people.Count})");
        Assert.True(missing.Count == 0, "unresolved: " + string.Join(", ", missing));
    }

    [Fact]
    public void Timexes_MustFoundWithValues()
    {
        var (doc, gold) = Run.Value;
        var timexes = doc.Get(LayerKeys.Timexes);
        var must = gold.GetProperty("timexes").GetProperty("must").EnumerateArray().ToList();
        var missing = must.Where(g => !timexes.Any(t => t.Text == g.GetProperty("text").GetString() && t.Value == g.GetProperty("value").GetString()))
            .Select(g => $"{g.GetProperty("text").GetString()}={g.GetProperty("value").GetString()}").ToList();
        foreach (var t in timexes)
        {
            output.WriteLine($"{t.Type} '{t.Text}' = {t.Value}");
        }

        output.WriteLine($"dates: recall {100.0 * (must.Count - missing.Count) / must.Count:0.0}% ({must.Count - missing.Count}/{must.Count})");
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Boilerplate_AppealAndBylineExcluded_SourceFromByline()
    {
        var (doc, _) = Run.Value;
        var regions = doc.Get(LayerKeys.Regions);
        Assert.Contains(regions.Items, r => r.Kind == RegionKind.Byline);
        Assert.Contains(regions.Items, r => r.Kind == RegionKind.Boilerplate && doc.Slice(r.Span).Contains("subscribing", StringComparison.Ordinal));
        Assert.Equal("Kyodo", doc.Metadata.Source);
        Assert.DoesNotContain(doc.Get(LayerKeys.Events), e => regions.IsExcluded(e.Trigger.Start));
    }

    private static bool Matches(CodedEvent e, JsonElement g, bool strict)
    {
        var types = new List<string> { g.GetProperty("type").GetString()! };
        if (g.TryGetProperty("type_also_accepted", out var alt))
        {
            types.AddRange(alt.EnumerateArray().Select(a => a.GetString()!));
        }

        if (!types.Contains(e.Type.ToString().ToUpperInvariant()))
        {
            return false;
        }

        string? gs = Country(g, "source"), gt = Country(g, "target");
        string? es = e.Source?.Actor.Country, et = e.Target?.Actor.Country;
        bool symmetric = g.TryGetProperty("symmetric", out var sym) && sym.GetBoolean();
        bool dyad = (gs == es && gt == et) || (symmetric && gs == et && gt == es);
        if (!dyad)
        {
            return false;
        }

        if (!strict)
        {
            return true;
        }

        if (g.TryGetProperty("date", out var date))
        {
            var dates = new List<string> { date.GetString()! };
            if (g.TryGetProperty("date_also_accepted", out var more))
            {
                dates.AddRange(more.EnumerateArray().Select(d => d.GetString()!));
            }

            if (e.Date is null || !dates.Contains(e.Date))
            {
                return false;
            }
        }

        return !g.TryGetProperty("modality", out var mod) || string.Equals(mod.GetString(), e.Modality.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Country(JsonElement g, string role) =>
        g.TryGetProperty(role, out var r) && r.TryGetProperty("country", out var c) ? c.GetString() : null;
}
