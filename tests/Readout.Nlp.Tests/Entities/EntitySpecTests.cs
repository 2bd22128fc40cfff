using Readout.Core.Layers;
using Readout.Nlp.Tests.Events;
using Readout.Nlp.Tests.Samples;

namespace Readout.Nlp.Tests.Entities;

/// <summary>
/// Runs Entities/entities.spec through the standard pipeline (entities, time, actors). Each expected
/// line is one mention, in text order: <c>KIND "text" =&gt; canonical name | country | sector</c>,
/// with "-" for a missing country or sector, or <c>KIND "text" =&gt; -</c> for a mention with no actor.
/// </summary>
public class EntitySpecTests
{
    private const string File = "Entities/entities.spec";

    public static TheoryData<string, int> Cases() => StageSpec.Cases(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Process_SpecCase_FindsAndResolvesExactlyTheExpectedMentions(string file, int line)
    {
        var (text, published, source, expected) = StageSpec.Read(file, line);

        var doc = StandardPipeline.Run(text, published, source);

        var entities = doc.Get(LayerKeys.Entities);
        var actors = doc.Get(LayerKeys.Actors).ToDictionary(a => a.Entity);
        var found = entities.Select((e, i) => $"{e.Kind.ToString().ToUpperInvariant()} \"{e.Text}\" => "
            + (actors.TryGetValue(i, out var a) ? $"{a.Actor.Name} | {a.Actor.Country ?? "-"} | {a.Actor.Sector ?? "-"}" : "-")).ToList();
        Assert.True(expected.SequenceEqual(found), $"line {line}: {text}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', found)}");
    }
}
