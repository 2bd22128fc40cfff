using Readout.Nlp.Ner;
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
}
