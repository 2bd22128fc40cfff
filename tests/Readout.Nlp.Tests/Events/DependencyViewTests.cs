using Readout.Core.Layers;
using Readout.Nlp.Events;

namespace Readout.Nlp.Tests.Events;

public class DependencyViewTests
{
    // Two sentences, document-level heads: "Abe and Cerar met ." / "Putin 's visit ended ."
    private static readonly DependencyView View = new(new DependencyTree(
        [3, 2, 0, -1, 3, 7, 5, 8, -1, 8],
        ["nsubj", "cc", "conj", "root", "punct", "nmod:poss", "case", "nsubj", "root", "punct"]));

    [Fact]
    public void Children_EachHead_DependentsInTextOrder()
    {
        Assert.Equal([0, 4], View.Children(3).ToArray());
        Assert.Equal([2], View.Children(0).ToArray());
        Assert.Equal([1], View.Children(2).ToArray());
        Assert.Equal([5], View.Children(7).ToArray());
        Assert.Empty(View.Children(1).ToArray());
    }

    [Fact]
    public void Children_NoDependentCrossesASentence()
    {
        var all = Enumerable.Range(0, View.Count).SelectMany(h => View.Children(h).ToArray().Select(d => (h, d)));
        Assert.All(all, p => Assert.Equal(p.h < 5, p.d < 5));
    }

    [Fact]
    public void Is_BaseRelation_MatchesSubtypesButNotLongerNames()
    {
        Assert.True(View.Is(5, "nmod"));
        Assert.True(View.Is(5, "nmod:poss"));
        Assert.False(View.Is(5, "nmod:p"));
        Assert.False(View.Is(0, "nsubj:pass"));
        Assert.True(View.Is(0, "nsubj"));
    }

    [Fact]
    public void ChildAndConjuncts_ReadTheRelations()
    {
        Assert.Equal(0, View.Child(3, "nsubj"));
        Assert.Equal(-1, View.Child(3, "obj"));
        Assert.Equal([2], View.Conjuncts(0));
        Assert.Equal(-1, View.Head(3));
    }

    [Fact]
    public void Constructor_EveryTokenIsTheChildOfItsHead()
    {
        var random = new Random(6);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 40);
            var heads = new int[n];
            for (int i = 0; i < n; i++)
            {
                heads[i] = i == 0 || random.Next(5) == 0 ? -1 : random.Next(0, n);
            }

            var view = new DependencyView(new DependencyTree(heads, [.. Enumerable.Repeat("dep", n)]));
            int children = 0;
            for (int h = 0; h < n; h++)
            {
                var kids = view.Children(h).ToArray();
                Assert.All(kids, d => Assert.Equal(h, heads[d]));
                Assert.Equal(kids.Order().ToArray(), kids);
                children += kids.Length;
            }

            Assert.Equal(heads.Count(h => h >= 0), children);
        }
    }
}
