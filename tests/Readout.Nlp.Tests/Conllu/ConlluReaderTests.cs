using Readout.Nlp.Conllu;

namespace Readout.Nlp.Tests.Conllu;

public class ConlluReaderTests
{
    private const string Sample =
        "# sent_id = 1\n" +
        "# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n" +
        "4.1\tknows\tknow\tVERB\tVBZ\t_\t_\t_\t_\tCopyOf=4\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n" +
        "\n" +
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    [Fact]
    public void ReadAnnotated_MultiwordAndEmptyNodes_SkipsThem()
    {
        var sentences = ConlluReader.ReadAnnotated(new StringReader(Sample)).ToList();

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["I", "do", "n't", "know", "."], sentences[0].Words.Select(w => w.Form));
        Assert.Equal(new ConlluWord(3, "n't", "not", "PART", "RB", 4, "advmod"), sentences[0].Words[2]);
    }

    [Fact]
    public void ReadForPrediction_WordLines_KeepOnlyIdAndForm()
    {
        var sentences = ConlluReader.ReadForPrediction(new StringReader(Sample)).ToList();

        Assert.Equal(2, sentences.Count);
        var lines = sentences[0].Lines;
        Assert.Equal(
            [ConlluLineKind.Comment, ConlluLineKind.Comment, ConlluLineKind.Word, ConlluLineKind.Range, ConlluLineKind.Word, ConlluLineKind.Word, ConlluLineKind.Word, ConlluLineKind.EmptyNode, ConlluLineKind.Word],
            lines.Select(l => l.Kind));
        Assert.Equal(["I", "do", "n't", "know", "."], sentences[0].Forms);
        Assert.Equal(new ConlluInputLine(ConlluLineKind.Range, "2-3", "don't"), lines[3]);
        Assert.Equal(new ConlluInputLine(ConlluLineKind.EmptyNode, "4.1", "knows"), lines[7]);
        // Nothing of the gold columns survives reading.
        Assert.DoesNotContain(lines, l => l.Kind != ConlluLineKind.Comment && (l.Text.Contains('\t') || l.Text.Contains("VERB")));
    }

    [Fact]
    public void ReadAnnotated_TooFewColumns_Throws()
    {
        Assert.Throws<InvalidDataException>(() => ConlluReader.ReadAnnotated(new StringReader("1\tI\tI\n")).ToList());
    }
}
