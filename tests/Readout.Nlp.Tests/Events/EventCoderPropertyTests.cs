using CsCheck;
using Readout.Core.Layers;
using Readout.Nlp.Events;
using Readout.Nlp.Tests.Samples;

namespace Readout.Nlp.Tests.Events;

/// <summary>The coder over arbitrary text: wire-like words (names, lexicon verbs, reporting clauses) mixed with any UTF-16.</summary>
public class EventCoderPropertyTests
{
    private static readonly string[] Words =
    [
        "Japan", "the Philippines", "Russia", "The United States", "Putin", "told", "said", "that", "Erdogan", "hosted", "met", "imposed",
        "sanctions", "on", "to", "and", "the", "will", "visit", "not", "lent", "shot", "down", "froze", "fought", "toward", "in", "Kyiv",
        "pressed", "agreed", "cooperate", ",", ".", "Monday", "100", "million", "dollars", "aid", "\"", "would", "withdraw", "troops", "from",
    ];

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String[Gen.Char, 0, 120],
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 30], ix => string.Join(' ', ix.Select(i => Words[i]))),
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 20], Gen.String[Gen.Char["\uD800\uDC00\u0301\n\t;:“”"], 0, 6], (ix, noise) => string.Join(' ', ix.Select(i => Words[i])) + noise));

    [Fact]
    public void Process_AnyText_EventsInBoundsInTextOrderWithTriggerInsideEvidence()
    {
        AnyText.Sample(text =>
        {
            var events = StandardPipeline.Run(text, new DateOnly(2024, 6, 15)).Get(LayerKeys.Events);

            int previous = 0;
            foreach (var e in events)
            {
                Assert.InRange(e.Trigger.Start, previous, text.Length);
                Assert.True(e.Trigger.Start >= e.Evidence.Start && e.Trigger.End <= e.Evidence.End, $"trigger outside evidence: {text}");
                Assert.True(e.Evidence.End <= text.Length);
                Assert.NotNull(e.Source);
                foreach (var arg in new[] { e.Source, e.Target, e.Attribution })
                {
                    Assert.True(arg is null || arg.Span.Start >= 0 && arg.Span.End <= text.Length, $"argument out of bounds: {text}");
                }

                previous = e.Trigger.Start;
            }
        }, iter: 300);
    }

    /// <summary>Crash inputs found by the property test above (a verb opening the text read the token before it; an
    /// apposition's article ending the text read the token after it).</summary>
    [Theory]
    [InlineData("toward Japan not in that lent Putin , the")]
    [InlineData("Putin , a")]
    [InlineData("agreed Erdogan")]
    [InlineData("met")]
    [InlineData("told Putin that Russia would attack")]
    public void Process_VerbOpeningTheText_CodesWithoutError(string text)
    {
        var doc = StandardPipeline.Run(text, new DateOnly(2024, 6, 15));

        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Apply_PloverStrictTwice_SameAsOnce()
    {
        AnyText.Sample(text =>
        {
            foreach (var e in StandardPipeline.Run(text, new DateOnly(2024, 6, 15)).Get(LayerKeys.Events))
            {
                var once = PloverStrict.Apply(e);
                Assert.Equal(once, PloverStrict.Apply(once));
            }
        }, iter: 100);
    }
}
