using Readout.Nlp.Conllu;
using Readout.Nlp.Tests.Tagging;

namespace Readout.Nlp.Tests.Conllu;

public class ConlluPredictorTests
{
    private static string Input(string upos, string head) =>
        "# newdoc id = d1\n" +
        "# text = Abe met Dvorkovich in Tokyo on Sunday.\n" +
        $"1\tAbe\tx\t{upos}\tNN\t_\t{head}\tdep\t_\tEntity=(person)\n" +
        $"2\tmet\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"3\tDvorkovich\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"4\tin\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"5\tTokyo\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"6\ton\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"7\tSunday\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"8\t.\tx\t{upos}\tNN\t_\t{head}\tdep\t_\tSpaceAfter=No\n" +
        "\n" +
        "1-2\tCan't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        $"1\tCa\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        $"2\tn't\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        "2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t2:dep\t_\n" +
        $"3\tstop\tx\t{upos}\tNN\t_\t{head}\tdep\t_\t_\n" +
        "\n";

    private static string Run(string input)
    {
        var output = new StringWriter();
        ConlluPredictor.Run(new StringReader(input), output, TestModels.Pos, TestModels.Parser);
        return output.ToString();
    }

    [Fact]
    public void Run_GoldColumnsChanged_OutputUnchanged()
    {
        Assert.Equal(Run(Input("NOUN", "1")), Run(Input("VERB", "3")));
    }

    [Fact]
    public void Run_Sentence_WritesPredictedColumns()
    {
        var lines = Run(Input("NOUN", "1")).Split('\n');

        Assert.Equal("# newdoc id = d1", lines[0]);
        var met = lines[3].Split('\t');
        Assert.Equal(["2", "met", "meet", "VERB", "VBD", "_", "0", "root", "_", "_"], met);
        var abe = lines[2].Split('\t');
        Assert.Equal(["Abe", "PROPN", "2", "nsubj"], [abe[1], abe[3], abe[6], abe[7]]);
        Assert.Equal("_", abe[9]);
    }

    [Fact]
    public void Run_RangesAndEmptyNodes_PassedThroughWithoutAnnotation()
    {
        var lines = Run(Input("NOUN", "1")).Split('\n');
        int range = Array.FindIndex(lines, l => l.StartsWith("1-2\t"));

        Assert.Equal("1-2\tCan't\t_\t_\t_\t_\t_\t_\t_\t_", lines[range]);
        Assert.StartsWith("1\tCa\t", lines[range + 1]);
        Assert.Equal("2.1\tgo\t_\t_\t_\t_\t_\t_\t_\t_", lines[range + 3]);
        Assert.Equal(3, lines.Skip(range).TakeWhile(l => l.Length > 0).Count(l => l.Split('\t')[0] is "1" or "2" or "3"));
    }

    [Fact]
    public void Run_MiscHook_WritesValue()
    {
        var output = new StringWriter();
        var options = new ConlluPredictorOptions { Misc = (doc, token) => token == 0 ? "NER=B-PER" : null };
        ConlluPredictor.Run(new StringReader(Input("NOUN", "1")), output, TestModels.Pos, TestModels.Parser, options);

        var lines = output.ToString().Split('\n');
        Assert.EndsWith("\tNER=B-PER", lines[2]);
        Assert.EndsWith("\t_", lines[3]);
    }
}
