using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Tests.Samples;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// The coder fills source and target from the dependency parse first and records the route in the rule
/// ("source(nsubj)"); without the parser it finds them linearly and says so.
/// </summary>
public class ArgumentRouteTests
{
    [Theory]
    // A relative clause between subject and verb hides the subject from the linear scan.
    [InlineData("Ghana, which holds the rotating presidency of the council, condemned Mali on Friday.", "ACCUSE GHA>MLI", "source(nsubj) target(obj)")]
    // "by X" of a passive is the source; the passive subject the target.
    [InlineData("Mexico's ambassador was expelled by Ecuador on Friday.", "SANCTION ECU>MEX", "source(obl:agent) target(nsubj:pass)")]
    [InlineData("Russia imposed sanctions on Lithuania.", "SANCTION RUS>LTU", "source(nsubj) target(obl:on)")]
    public void Process_WithParser_RuleNamesTheParseRoute(string text, string dyad, string routes)
    {
        var events = StandardPipeline.Run(text, new DateOnly(2024, 6, 15)).Get(LayerKeys.Events);

        var e = Assert.Single(events);
        Assert.Equal(dyad, string.Join(' ', EventSpecTests.Describe(e).Split(' ').Take(2)));
        Assert.Contains(" " + routes + " ", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_WithoutParser_ArgumentsFoundLinearly()
    {
        var pipeline = ReadoutPipeline.Build(StandardPipeline.Resources, withParser: false);
        var doc = new Document("spec", "Russia imposed sanctions on Lithuania.", new DocumentMetadata { Published = new DateTimeOffset(2024, 6, 15, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(pipeline.Process(doc));

        var e = Assert.Single(doc.Get(LayerKeys.Events));
        Assert.Contains(" source(linear) target(linear) ", e.Rule, StringComparison.Ordinal);
    }
}
