using CsCheck;
using Readout.Nlp.Sentences;
using Readout.Nlp.Tokens;

namespace Readout.Nlp.Tests.Tokens;

public class TokenizerPropertyTests
{
    // Arbitrary UTF-16 including control characters and lone surrogates, mixed with news-like text.
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String[Gen.Char, 0, 200],
        Gen.String[Gen.Char["ab .,'’-\n\"“”U.S.Dec15()\uD800\uDC00\u0301 "], 0, 200],
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.String[Gen.Char, 0, 5], (a, b) => a + ". " + b + " Dec. " + a));

    [Fact]
    public void Tokenize_AnyText_SpansInBoundsOrderedNonEmptyAndNotWhitespace()
    {
        AnyText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            int prevEnd = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                Assert.True(tokens.Starts[i] >= prevEnd, "tokens ordered and disjoint");
                Assert.True(tokens.Ends[i] > tokens.Starts[i], "tokens non-empty");
                Assert.True(tokens.Ends[i] <= text.Length, "in bounds");
                Assert.False(string.IsNullOrWhiteSpace(tokens.Text(text, i)));
                prevEnd = tokens.Ends[i];
            }

            // Everything between tokens is whitespace, control or zero-width: nothing is lost.
            int pos = 0;
            for (int i = 0; i <= tokens.Count; i++)
            {
                int gapEnd = i < tokens.Count ? tokens.Starts[i] : text.Length;
                for (int k = pos; k < gapEnd; k++)
                {
                    char c = text[k];
                    Assert.True(char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF', $"lost char U+{(int)c:X4}");
                }

                pos = i < tokens.Count ? tokens.Ends[i] : pos;
            }
        }, iter: 2000);
    }

    [Fact]
    public void Split_AnyText_SentencesCoverTokensInOrder()
    {
        AnyText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens, maxTokens: 30);
            int next = 0;
            foreach (var s in sentences.Items)
            {
                Assert.Equal(next, s.FirstToken);
                Assert.True(s.EndToken > s.FirstToken);
                Assert.True(s.TokenCount <= 30);
                Assert.Equal(tokens.Starts[s.FirstToken], s.Span.Start);
                Assert.Equal(tokens.Ends[s.EndToken - 1], s.Span.End);
                next = s.EndToken;
            }

            Assert.Equal(tokens.Count, next);
        }, iter: 2000);
    }
}
