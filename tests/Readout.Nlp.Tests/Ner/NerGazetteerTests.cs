using Readout.Nlp.Ner;
using Readout.Nlp.Training;
using Readout.Nlp.Tests.Tagging;
using Xunit;

namespace Readout.Nlp.Tests.Ner;

public sealed class NerGazetteerTests
{
    [Fact]
    public void ReadNames_CommittedFile_HoldsSingleWordGivenNamesAndSurnames()
    {
        var names = NerGazetteer.ReadNames(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.NamesRelativePath));
        Assert.True(names.Count(n => n.Given) > 5000, "given names");
        Assert.True(names.Count(n => !n.Given) > 3000, "surnames");
        Assert.All(names, n => Assert.Matches(@"^\p{Lu}[\p{L}'-]*$", n.Name));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains(("Nina", true), names);
    }

    [Fact]
    public void ReadNames_LineWithoutKind_ThrowsWithLineNumber()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# names", "name\tkind", "Nina\tgiven", "Reynolds"]);
            var error = Assert.Throws<InvalidDataException>(() => NerGazetteer.ReadNames(path));
            Assert.Contains(":4:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Match_LowerCaseCountryAndGivenName_FoldedAndNameCategoriesFire()
    {
        var gazetteer = TestModels.NerGazetteer;
        string[] forms = ["nina", "moved", "to", "malaysia", "with", "Nina"];
        var codes = gazetteer.Match(forms);
        Assert.NotEqual(0, NerGazetteer.Code(codes, 3, NerGazetteer.FoldedCountry));
        Assert.Equal(0, NerGazetteer.Code(codes, 3, NerGazetteer.Country));
        Assert.NotEqual(0, NerGazetteer.Code(codes, 5, NerGazetteer.GivenName));
        Assert.Equal(0, NerGazetteer.Code(codes, 0, NerGazetteer.GivenName));
    }

    [Fact]
    public void Match_Phrases_LeftmostLongestPerCategoryWithBiluPositions()
    {
        // Exact-case and folded lists are matched separately: "united states" only by the folded one.
        var codes = TestModels.NerGazetteer.Match(["the", "United", "States", "and", "united", "states", "Iran"]);
        byte Code(int token, int category) => NerGazetteer.Code(codes, token, category);
        Assert.Equal([0, 1 + NerLabels.Begin, 1 + NerLabels.Last, 0, 0, 0, 1 + NerLabels.Unit], Enumerable.Range(0, 7).Select(t => (int)Code(t, NerGazetteer.Country)));
        Assert.Equal([0, 1 + NerLabels.Begin, 1 + NerLabels.Last, 0, 1 + NerLabels.Begin, 1 + NerLabels.Last, 1 + NerLabels.Unit], Enumerable.Range(0, 7).Select(t => (int)Code(t, NerGazetteer.FoldedCountry)));
        Assert.Empty(TestModels.NerGazetteer.Match([]));
    }

    [Fact]
    public void FromKnowledgeBase_TownAndCity_GoToSmallAndLargePlaces()
    {
        var gazetteer = TestModels.NerGazetteer;
        var codes = gazetteer.Match(["Bryan", "and", "Houston"]);
        Assert.NotEqual(0, NerGazetteer.Code(codes, 0, NerGazetteer.SmallPlace));
        Assert.Equal(0, NerGazetteer.Code(codes, 0, NerGazetteer.Place));
        Assert.NotEqual(0, NerGazetteer.Code(codes, 2, NerGazetteer.Place));
    }

    [Fact]
    public void FromKnowledgeBase_FirstLevelDivision_IsAPlace()
    {
        var gazetteer = TestModels.NerGazetteer;
        var codes = gazetteer.Match(["Queensland", "and", "Kerala"]);
        Assert.NotEqual(0, NerGazetteer.Code(codes, 0, NerGazetteer.Place));
        Assert.NotEqual(0, NerGazetteer.Code(codes, 2, NerGazetteer.Place));
    }

    [Fact]
    public void ReadWordTable_CommittedClusters_HoldsFrequentAndRareWordsWithIdsInRange()
    {
        var clusters = NerGazetteer.ReadWordTable(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.ClustersRelativePath), 3);

        // The 150,000 most frequent words clustered, then 187,310 rarer ones placed at their nearest centres.
        Assert.Equal(337_310, clusters.Count);
        Assert.Contains("abouhalima", clusters.Keys);
        int[] sizes = [64, 256, 1024];
        Assert.All(clusters.Values, ids => Assert.All(Enumerable.Range(0, 3), l => Assert.InRange(ids[l], 0, sizes[l] - 1)));
        Assert.All(clusters.Keys, w => Assert.Equal(w.ToLowerInvariant(), w));

        // Every granularity is used, and given names used alike fall together at the finest one.
        Assert.All(Enumerable.Range(0, 3), l => Assert.Equal(sizes[l], clusters.Values.Select(ids => ids[l]).Distinct().Count()));
        Assert.Equal(clusters["cindy"][2], clusters["debbie"][2]);
        Assert.NotEqual(clusters["cindy"][2], clusters["refinery"][2]);
    }

    [Theory]
    [InlineData("of\t1\tx\t3")]
    [InlineData("of\t1\t2")]
    [InlineData("of\t1\t2\t3\t4")]
    [InlineData("\t1\t2\t3")]
    [InlineData("of\t1\t2\t70000")]
    public void ReadWordTable_BadLine_ThrowsWithLineNumber(string line)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# clusters", "word\tc64\tc256\tc1024", "the\t1\t2\t3", line]);
            var error = Assert.Throws<InvalidDataException>(() => NerGazetteer.ReadWordTable(path, 3));
            Assert.Contains(":4:", error.Message, StringComparison.Ordinal);
            File.WriteAllLines(path, ["# clusters", "word\tc64\tc256\tc1024", "the\t1\t2\t3"]);
            Assert.Equal([1, 2, 3], NerGazetteer.ReadWordTable(path, 3)["the"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WordClasses_AnyCase_ClustersThenTypePriorsPacked_UnknownWordZero()
    {
        var gazetteer = TestModels.NerGazetteer;
        var clusters = NerGazetteer.ReadWordTable(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.ClustersRelativePath), 3)["mozilla"];
        var types = NerGazetteer.ReadWordTable(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.WordTypesRelativePath), 3)["mozilla"];
        ulong packed = gazetteer.WordClasses(FeatureHash.Of("Mozilla", lower: true));
        ulong expected = (uint)(clusters[0] + 1) | ((ulong)(uint)(clusters[1] + 1) << 16) | ((ulong)(uint)(clusters[2] + 1) << 32)
            | ((ulong)(uint)(types[0] + 1) << 48) | ((ulong)(uint)(types[1] + 1) << 52) | ((ulong)(uint)(types[2] + 1) << 56);
        Assert.Equal(expected, packed);
        Assert.Equal(packed, gazetteer.WordClasses(FeatureHash.Of("MOZILLA", lower: true)));
        Assert.Equal(0UL, gazetteer.WordClasses(FeatureHash.Of("Zqxjvw", lower: true)));
    }

    [Fact]
    public void ReadWordTable_CommittedWordTypes_TenthsForEveryClusteredWord()
    {
        var types = NerGazetteer.ReadWordTable(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.WordTypesRelativePath), 3);
        var clustered = NerGazetteer.ReadWordTable(Path.Combine(TestModels.RepositoryRoot, NerGazetteer.ClustersRelativePath), 3);
        Assert.Equal(clustered.Keys.Order(StringComparer.Ordinal), types.Keys.Order(StringComparer.Ordinal));
        Assert.All(types.Values, t => Assert.All(t, v => Assert.InRange(v, 0, 10)));

        // Names the lists lack get the prior of the names their vectors sit among, rare ones too.
        Assert.True(types["ginny"][0] >= 7, "ginny: person");
        Assert.True(types["lycos"][2] >= 7, "lycos: organization");
        Assert.True(types["abouhalima"][0] >= 7, "abouhalima: person");

        // The most frequent words' vectors lie apart from the rest and get no reliable prior: "the" comes out half an
        // organization. The tagger has seen such words thousands of times and learns their own weights; only persons and
        // places are ruled out here.
        Assert.All(new[] { "the", "of", "and" }, w => Assert.True(types[w][0] <= 2 && types[w][1] <= 2, $"{w}: no person or place"));
    }
}
