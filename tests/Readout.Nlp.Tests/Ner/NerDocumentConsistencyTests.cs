using Readout.Core.Layers;
using Readout.Nlp.Ner;
using Xunit;

namespace Readout.Nlp.Tests.Ner;

public sealed class NerDocumentConsistencyTests
{
    private static string[] Words(string sentence) => sentence.Split(' ');

    [Fact]
    public void Apply_NameTaggedOnceMissedElsewhere_FindsItAgainWithTheMajorityKind()
    {
        IReadOnlyList<string>[] sentences = [Words("I use Firefox daily ."), Words("Firefox crashed ."), Words("Firefox Sync is new ."), Words("the firefox icon")];
        List<NerSpan>[] spans = [[new(2, 3, EntityKind.Organization)], [], [], []];
        NerDocumentConsistency.Apply(sentences, spans);
        Assert.Equal([new NerSpan(0, 1, EntityKind.Organization)], spans[1]);
        // Not a part of a longer capitalized name, and never a lower-case word.
        Assert.Empty(spans[2]);
        Assert.Empty(spans[3]);
    }

    [Fact]
    public void Apply_NameWithTwoKinds_TakesTheMajorityEverywhere()
    {
        IReadOnlyList<string>[] sentences = [Words("Jordan said"), Words("Jordan left"), Words("to Jordan")];
        List<NerSpan>[] spans = [[new(0, 1, EntityKind.Person)], [new(0, 1, EntityKind.Person)], [new(1, 2, EntityKind.Place)]];
        NerDocumentConsistency.Apply(sentences, spans);
        Assert.All(spans, s => Assert.Equal(EntityKind.Person, Assert.Single(s).Kind));
    }

    [Fact]
    public void Apply_StormNamedLikeAPerson_IsNoNameThereOrLater()
    {
        IReadOnlyList<string>[] sentences =
        [
            Words("Hurricane Rita hit Texas ."), Words("Rita made landfall , Rita Moreno said ."), Words("after Tropical Storm Allison and Hurricane Katrina"),
            Words("Allison Janney and Rita spoke ."),
        ];
        List<NerSpan>[] spans =
        [
            [new(0, 2, EntityKind.Person), new(3, 4, EntityKind.Place)],
            [new(0, 1, EntityKind.Person), new(4, 6, EntityKind.Person)],
            [new(3, 4, EntityKind.Person), new(6, 7, EntityKind.Person)],
            [new(0, 2, EntityKind.Person), new(3, 4, EntityKind.Person)],
        ];
        NerDocumentConsistency.Apply(sentences, spans);
        Assert.Equal([new NerSpan(3, 4, EntityKind.Place)], spans[0]);
        Assert.Equal([new NerSpan(4, 6, EntityKind.Person)], spans[1]);
        Assert.Empty(spans[2]);
        // A person of the same given name written in full stays; the storm's name alone does not.
        Assert.Equal([new NerSpan(0, 2, EntityKind.Person)], spans[3]);
    }

    [Fact]
    public void Apply_StormTheTaggerPassedOver_ItsNameAloneIsNoNameLater()
    {
        IReadOnlyList<string>[] sentences = [Words("as strengthening Hurricane Rita threatened Texas ."), Words("The center said Rita was dangerous .")];
        List<NerSpan>[] spans = [[new(5, 6, EntityKind.Place)], [new(3, 4, EntityKind.Person)]];
        NerDocumentConsistency.Apply(sentences, spans);
        Assert.Equal([new NerSpan(5, 6, EntityKind.Place)], spans[0]);
        Assert.Empty(spans[1]);

        // "Hurricane Center" inside a longer name names no storm.
        IReadOnlyList<string>[] other = [Words("The National Hurricane Center warned ."), Words("Center said so .")];
        List<NerSpan>[] otherSpans = [[], [new(0, 1, EntityKind.Organization)]];
        NerDocumentConsistency.Apply(other, otherSpans);
        Assert.Equal([new NerSpan(0, 1, EntityKind.Organization)], otherSpans[1]);
    }

    [Fact]
    public void Apply_AnySpans_StaySortedAndNonOverlapping()
    {
        string[] vocabulary = ["Ann", "Lee", "of", "Bank", "said", "ann", "."];
        EntityKind[] kinds = [EntityKind.Person, EntityKind.Organization, EntityKind.Place];
        var random = new Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            var sentences = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, random.Next(1, 9)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray())
                .ToArray();
            var spans = sentences.Select(forms =>
            {
                var list = new List<NerSpan>();
                for (int i = random.Next(0, 3); i < forms.Count; i = list[^1].End + random.Next(0, 3))
                {
                    list.Add(new NerSpan(i, random.Next(i + 1, Math.Min(forms.Count, i + 3) + 1), kinds[random.Next(kinds.Length)]));
                }

                return list;
            }).ToArray();
            var before = spans.Select(s => s.Select(x => (x.Start, x.End)).ToList()).ToArray();
            NerDocumentConsistency.Apply(sentences, spans);
            for (int s = 0; s < sentences.Length; s++)
            {
                for (int k = 0; k < spans[s].Count; k++)
                {
                    Assert.InRange(spans[s][k].Start, 0, spans[s][k].End - 1);
                    Assert.InRange(spans[s][k].End, 1, sentences[s].Count);
                    Assert.True(k == 0 || spans[s][k - 1].End <= spans[s][k].Start, "sorted, non-overlapping");
                }

                // Every tagged span is kept (its kind may change).
                Assert.All(before[s], b => Assert.Contains(spans[s], x => (x.Start, x.End) == b));
            }
        }
    }
}
