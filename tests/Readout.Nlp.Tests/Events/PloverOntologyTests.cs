using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

public class PloverOntologyTests
{
    private static readonly string[] AllTypes = [.. Enum.GetValues<EventType>().Select(t => $"type\t{t.ToString().ToUpperInvariant()}\tq\td")];

    [Fact]
    public void FromLines_TypesModesContexts_AnswersMembership()
    {
        var ontology = PloverOntology.FromLines([.. AllTypes, "mode\tCONSULT\tvisit\tgoes there", "context\t*\tmilitary\tarmed forces"], "t.tsv");

        Assert.True(ontology.IsMode(EventType.Consult, "visit"));
        Assert.False(ontology.IsMode(EventType.Assault, "visit"));
        Assert.True(ontology.IsContext("military"));
        Assert.False(ontology.IsContext("visit"));
        Assert.Equal("goes there", ontology.DescribeMode(EventType.Consult, "visit"));
        Assert.Empty(ontology.Modes(EventType.Agree));
    }

    [Theory]
    [InlineData("mode\tGREET\tx\td", "unknown PLOVER type 'GREET'")]
    [InlineData("mode\tCONSULT\tvisit", "4 non-empty")]
    [InlineData("context\tCONSULT\tmilitary\td", "'*'")]
    [InlineData("event\tCONSULT\tvisit\td", "kind must be")]
    [InlineData("type\tCONSULT\tq\td", "listed twice")]
    public void FromLines_BadLine_ThrowsNamingTheLine(string line, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PloverOntology.FromLines([.. AllTypes, line], "t.tsv"));

        Assert.StartsWith($"t.tsv:{AllTypes.Length + 1}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromLines_TypeLeftOut_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => PloverOntology.FromLines(AllTypes[1..], "t.tsv"));

        Assert.Contains("AGREE", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_RepositoryOntology_HasTheManualsModesAndContexts()
    {
        var ontology = Repository();

        Assert.Equal(["multilateral", "phone", "third-party", "visit"], ontology.Modes(EventType.Consult));
        Assert.Equal(["access", "ceasefire", "disarm", "release", "resign", "withdraw"], ontology.Modes(EventType.Retreat));
        Assert.Equal(ontology.Modes(EventType.Request), ontology.Modes(EventType.Reject)); // shared, as the manual says
        Assert.All(new[] { EventType.Agree, EventType.Support, EventType.Concede, EventType.Cooperate, EventType.Aid }, t => Assert.Empty(ontology.Modes(t)));
        Assert.Equal(16, ontology.Types.Count());
        Assert.True(ontology.Contexts.Count() >= 35);
        Assert.All(new[] { "military", "economic", "diplomatic", "territory", "legal", "humanitarian" }, c => Assert.True(ontology.IsContext(c), c));
    }

    [Fact]
    public void Load_RepositoryLexicon_EveryModeAndContextIsInTheOntology()
    {
        var ontology = Repository();
        var wrong = LexiconEntries.All()
            .Where(e => e.Mode is { } m && !ontology.IsMode(e.Type, m) || e.Context is { } c && !ontology.IsContext(c))
            .Select(e => $"{e.Origin} {e.Trigger} {e.Type} mode {e.Mode ?? "-"} context {e.Context ?? "-"}")
            .ToList();

        Assert.True(wrong.Count == 0, "not in data/ontology/plover.tsv:\n" + string.Join('\n', wrong));
    }

    internal static PloverOntology Repository() => PloverOntology.Load(Path.Combine(RepoPaths.Root, PloverOntology.File));
}
