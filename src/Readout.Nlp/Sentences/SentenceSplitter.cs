using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;
using Readout.Nlp.Tokens;

namespace Readout.Nlp.Sentences;

/// <summary>
/// Splits tokens into sentences at terminal punctuation (with trailing quotes and brackets),
/// paragraph breaks, line breaks after a complete line, and excluded regions. Abbreviations such as
/// "Dec." or "Mr." never end a sentence; "U.S." does only before a typical sentence opener.
/// Tokens inside excluded regions (bylines, appeals) belong to no sentence. Thread-safe.
/// </summary>
public sealed class SentenceSplitter(int maxTokens = 250) : IStage
{
    public string Name => "sentences";

    public IReadOnlyList<LayerKey> Requires => [LayerKeys.Tokens];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Sentences];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.TryGet(LayerKeys.Regions, out var regions);
        document.Set(LayerKeys.Sentences, Split(document.Text, document.Get(LayerKeys.Tokens), regions, maxTokens));
    }

    public static SentenceTable Split(string text, TokenTable tokens, ExcludedRegions? regions = null, int maxTokens = 250)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        int first = -1;
        for (int k = 0; k < tokens.Count; k++)
        {
            if (regions is not null && regions.IsExcluded(tokens.Starts[k]))
            {
                Close(ref first, k);
                continue;
            }

            if (first < 0)
            {
                first = k;
            }

            if (EndsAfter(text, tokens, k) || k + 1 - first >= maxTokens)
            {
                Close(ref first, k + 1);
            }
        }

        Close(ref first, tokens.Count);
        return new SentenceTable(sentences);

        void Close(ref int from, int to)
        {
            if (from >= 0 && to > from)
            {
                sentences.Add(new Sentence(from, to, TextSpan.FromBounds(tokens.Starts[from], tokens.Ends[to - 1])));
            }

            from = -1;
        }
    }

    private static bool EndsAfter(string text, TokenTable tokens, int k)
    {
        if (k + 1 >= tokens.Count)
        {
            return true;
        }

        var gap = text.AsSpan(tokens.Ends[k], tokens.Starts[k + 1] - tokens.Ends[k]);
        int newlines = gap.Count('\n');
        if (newlines >= 2)
        {
            return true;
        }

        var tok = tokens.Chars(text, k);
        var next = tokens.Chars(text, k + 1);
        char last = tok[^1];

        if (IsClosing(next) && gap.IsEmpty)
        {
            return false; // the quote or bracket belongs to this sentence; decide after it
        }

        if (IsClosing(tok) && k > 0 && IsTerminal(tokens.Chars(text, k - 1)))
        {
            return StartsSentence(next) || newlines > 0;
        }

        if (IsTerminal(tok))
        {
            return StartsSentence(next) || newlines > 0;
        }

        if (tok.Length > 1 && last == '.')
        {
            var bare = tok[..^1];
            if (Abbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare) || bare.Length == 1)
            {
                return false;
            }

            return newlines > 0 || Abbreviations.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
        }

        if (newlines == 1)
        {
            // A line that ends without a word that continues (headline, byline, list item) ends a sentence.
            bool continues = char.IsLower(last) || last is ',' or ';' or ':' or '-' or '(' or '–' || char.IsDigit(last);
            return !continues && !char.IsLower(next[0]);
        }

        return false;
    }

    private static bool IsTerminal(ReadOnlySpan<char> tok) =>
        tok is "." or "!" or "?" or "…" or "?!" || (tok.Length >= 3 && tok[0] == '.' && tok[^1] == '.' && tok.Trim('.').IsEmpty);

    private static bool IsClosing(ReadOnlySpan<char> tok) =>
        tok is "\"" or "”" or "’" or "'" or ")" or "]" or "»";

    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        char c = next[0];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '•' or '-' or '—' || !char.IsLetter(c) && !char.IsPunctuation(c);
    }
}
