using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

public class PloverStrictTests
{
    [Theory]
    [InlineData(EventType.Consult, "visit", null, "042", "036")]
    [InlineData(EventType.Support, null, "diplomatic", "057", "032")]
    [InlineData(EventType.Cooperate, null, "military", "062", "0312")]
    [InlineData(EventType.Aid, null, "humanitarian", "073", "0333")]
    [InlineData(EventType.Aid, null, null, "070", "033")]
    public void Apply_PlannedOrIntendedCooperation_BecomesAssertedAgree(EventType type, string? mode, string? context, string cameo, string agreeCameo)
    {
        foreach (var modality in new[] { Modality.Planned, Modality.Intended })
        {
            var strict = PloverStrict.Apply(Event(type, mode, context, cameo, modality));

            Assert.Equal((EventType.Agree, Modality.Asserted, agreeCameo, null), (strict.Type, strict.Modality, strict.Cameo, strict.Mode));
            Assert.Equal(context, strict.Context);
            Assert.Contains($"plover-strict: {modality.ToString().ToLowerInvariant()} {type.ToString().ToUpperInvariant()}", strict.Rule, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("withdraw", "0872", "0356")]
    [InlineData("release", "0841", "0353")]
    [InlineData(null, "085", "0354")]
    public void Apply_PlannedRetreat_BecomesConcede(string? mode, string cameo, string concedeCameo)
    {
        var strict = PloverStrict.Apply(Event(EventType.Retreat, mode, null, cameo, Modality.Planned));

        Assert.Equal((EventType.Concede, concedeCameo, Modality.Asserted), (strict.Type, strict.Cameo, strict.Modality));
    }

    [Theory]
    [InlineData(EventType.Consult, Modality.Asserted)]
    [InlineData(EventType.Consult, Modality.Negated)]
    [InlineData(EventType.Consult, Modality.Hypothetical)]
    [InlineData(EventType.Assault, Modality.Planned)]
    [InlineData(EventType.Concede, Modality.Planned)]
    [InlineData(EventType.Agree, Modality.Intended)]
    public void Apply_OtherEvents_ReturnedUnchanged(EventType type, Modality modality)
    {
        var e = Event(type, null, null, "040", modality);

        Assert.Same(e, PloverStrict.Apply(e));
    }

    /// <summary>Every rewritten CAMEO code reads, through Readout's own table, as the type the event now has.</summary>
    [Fact]
    public void Apply_RewrittenCameoCodes_MapToTheNewTypeInTheRepositoryTable()
    {
        var mapping = CameoMapping.Load(Path.Combine(RepoPaths.Root, CameoMapping.File));
        var wrong = LexiconEntries.All()
            .Select(entry => PloverStrict.Apply(Event(entry.Type, entry.Mode, entry.Context, entry.Cameo, Modality.Planned)))
            .Where(e => !(mapping.TryGet(e.Cameo, out var r) && r.Type == e.Type))
            .Select(e => $"{e.Type} {e.Cameo}")
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    private static CodedEvent Event(EventType type, string? mode, string? context, string cameo, Modality modality) => new()
    {
        Id = "e1",
        Type = type,
        Mode = mode,
        Context = context,
        Cameo = cameo,
        Modality = modality,
        Sentence = 0,
        Evidence = new TextSpan(0, 10),
        Trigger = new TextSpan(2, 4),
        Rule = "lexicon:test",
    };
}
