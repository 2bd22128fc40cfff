using Readout.Core.Layers;
using Readout.Nlp.Sentences;
using Readout.Nlp.Tokens;

namespace Readout.Nlp.Tests.Tokens;

public class TokenizerSpecTests
{
    public static TheoryData<string, string> TokenCases() => SpecFile.Pairs("Tokens/tokens.spec");

    public static TheoryData<string, string> SentenceCases() => SpecFile.Pairs("Tokens/sentences.spec");

    [Theory]
    [MemberData(nameof(TokenCases))]
    public void Tokenize_SpecCase_MatchesExpected(string input, string expected)
    {
        var tokens = Tokenizer.Tokenize(input);
        var actual = string.Join(" | ", Enumerable.Range(0, tokens.Count).Select(i => tokens.Text(input, i)));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(SentenceCases))]
    public void Split_SpecCase_MatchesExpected(string input, string expected)
    {
        var text = input.Replace("\\n", "\n", StringComparison.Ordinal);
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var actual = string.Join("\n", sentences.Items.Select(s => text[s.Span.Start..s.Span.End].Replace("\n", "\\n", StringComparison.Ordinal)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Split_ExcludedRegion_StartsNoSentenceInside()
    {
        const string text = "Abe met Cerar. Subscribe now for more news.";
        var tokens = Tokenizer.Tokenize(text);
        var regions = new ExcludedRegions([new TextRegion(Core.TextSpan.FromBounds(15, text.Length), RegionKind.Boilerplate)]);
        var sentences = SentenceSplitter.Split(text, tokens, regions);
        var only = Assert.Single(sentences.Items);
        Assert.Equal("Abe met Cerar.", text[only.Span.Start..only.Span.End]);
    }
}
