using Readout.Core;
using Readout.Core.Layers;
using Readout.Nlp.Tests.Samples;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// Runs Events/events.spec and Events/lexicon.spec through the standard pipeline. Each expected line is one event as
/// <c>TYPE SRC&gt;TGT DATE modality</c> (countries ISO alpha-3 or an organization code, "-" for none;
/// date "-" for none), in text order; the coder must produce exactly those.
/// </summary>
public class EventSpecTests
{
    /// <summary>The hand-written cases and the asserted part of the lexicon evaluation set.</summary>
    private static readonly string[] Files = ["Events/events.spec", "Events/lexicon.spec"];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Files)
        {
            foreach (var row in StageSpec.Cases(file))
            {
                data.Add((string)row[0], (int)row[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Process_SpecCase_CodesExactlyTheExpectedEvents(string file, int line)
    {
        var (text, published, source, expected) = StageSpec.Read(file, line);

        var doc = StandardPipeline.Run(text, published, source);

        var found = doc.Get(LayerKeys.Events).Select(Describe).ToList();
        Assert.True(expected.SequenceEqual(found), $"line {line}: {text}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', found)}");
    }

    internal static string Describe(CodedEvent e) =>
        $"{e.Type.ToString().ToUpperInvariant()} {e.Source?.Actor.Country ?? "-"}>{e.Target?.Actor.Country ?? "-"} {e.Date ?? "-"} {e.Modality.ToString().ToLowerInvariant()}";
}
