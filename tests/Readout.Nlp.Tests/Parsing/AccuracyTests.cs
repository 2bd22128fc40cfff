using Readout.Nlp.Tests.Tagging;
using Readout.Nlp.Training;
using Xunit.Abstractions;

namespace Readout.Nlp.Tests.Parsing;

/// <summary>
/// Accuracy of the committed models with gold tokenization and predicted tags. The floors sit just
/// below the figures reached when the models were trained; a drop means a regression.
/// </summary>
public class AccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_EwtDev_ReachesFloors()
    {
        var result = TreebankEvaluator.EvaluateFiles(TestModels.Pos, TestModels.Parser, [TestModels.EwtDev]);
        output.WriteLine("EWT dev: " + result);

        Assert.True(result.Upos >= AccuracyFloors.EwtUpos, result.ToString());
        Assert.True(result.Xpos >= AccuracyFloors.EwtXpos, result.ToString());
        Assert.True(result.Lemma >= AccuracyFloors.EwtLemma, result.ToString());
        Assert.True(result.Uas >= AccuracyFloors.EwtUas, result.ToString());
        Assert.True(result.Las >= AccuracyFloors.EwtLas, result.ToString());
    }

    [Fact]
    public void Evaluate_GumNewsDev_ReachesFloors()
    {
        var result = TreebankEvaluator.EvaluateFiles(TestModels.Pos, TestModels.Parser, TestModels.GumNewsDev);
        output.WriteLine("GUM news dev: " + result);

        Assert.True(result.Upos >= AccuracyFloors.GumUpos, result.ToString());
        Assert.True(result.Lemma >= AccuracyFloors.GumLemma, result.ToString());
        Assert.True(result.Las >= AccuracyFloors.GumLas, result.ToString());
    }
}
