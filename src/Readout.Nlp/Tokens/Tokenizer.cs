using System.Globalization;
using Readout.Core;
using Readout.Core.Layers;
using Readout.Core.Pipeline;

namespace Readout.Nlp.Tokens;

/// <summary>
/// Rule-based, Penn/UD-style tokenizer: punctuation split off, clitics split ("do" "n't",
/// "Abe" "'s"), abbreviations keep their period ("Dec.", "U.S.", "Mr."), numbers keep their
/// separators ("1,000.5", "2016-10-02", "10:30"), hyphenated words split ("Japan" "-" "Russia")
/// except after common prefixes ("non-stop"). Whitespace is never a token. Linear time, thread-safe.
/// </summary>
public sealed class Tokenizer : IStage
{
    public string Name => "tokenizer";

    public IReadOnlyList<LayerKey> Requires => [];

    public IReadOnlyList<LayerKey> Produces => [LayerKeys.Tokens];

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(LayerKeys.Tokens, Tokenize(document.Text));
    }

    /// <summary>Tokenizes <paramref name="text"/>; never throws on any string, including lone surrogates.</summary>
    public static TokenTable Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int>(text.Length / 5 + 4);
        var ends = new List<int>(text.Length / 5 + 4);
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF')
            {
                i++;
                continue;
            }

            if (IsUrlStart(text, i))
            {
                int j = i;
                while (j < n && !char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                while (j > i + 1 && ".,;:!?)]}\"'”’".Contains(text[j - 1], StringComparison.Ordinal))
                {
                    j--;
                }

                Add(starts, ends, i, j);
                i = j;
                continue;
            }

            if (IsWordChar(text, i))
            {
                i = ScanWord(text, i, starts, ends);
                continue;
            }

            // Punctuation and symbols: runs of dots or dashes stay together; a surrogate pair is one token.
            int end = i + 1;
            if (c == '.' || c == '-' || c == '—' || c == '–')
            {
                while (end < n && text[end] == c)
                {
                    end++;
                }
            }
            else if (char.IsHighSurrogate(c) && end < n && char.IsLowSurrogate(text[end]))
            {
                end++;
            }

            Add(starts, ends, i, end);
            i = end;
        }

        return new TokenTable([.. starts], [.. ends]);
    }

    private static void Add(List<int> starts, List<int> ends, int start, int end)
    {
        starts.Add(start);
        ends.Add(end);
    }

    private static bool IsUrlStart(string text, int i) =>
        text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsWordChar(string text, int i)
    {
        char c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return char.IsLetterOrDigit(text, i);
        }

        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static int ScanWord(string text, int start, List<int> starts, List<int> ends)
    {
        int n = text.Length;
        int j = start;
        int segmentStart = start;
        while (j < n)
        {
            char c = text[j];
            if (IsWordChar(text, j))
            {
                j += char.IsHighSurrogate(c) && j + 1 < n && char.IsLowSurrogate(text[j + 1]) ? 2 : 1;
                continue;
            }

            bool nextIsWord = j + 1 < n && IsWordChar(text, j + 1);
            bool prevIsDigit = char.IsDigit(text[j - 1]);
            bool nextIsDigit = j + 1 < n && char.IsDigit(text[j + 1]);
            if (c == '.' && nextIsWord)
            {
                j++;
            }
            else if ((c == ',' || c == ':' || c == '/') && prevIsDigit && nextIsDigit)
            {
                j++;
            }
            else if (IsApostrophe(c) && j + 1 < n && char.IsLetter(text[j + 1]))
            {
                j++;
            }
            else if ((c == '-' || c == '‐') && nextIsWord
                && ((prevIsDigit && nextIsDigit) || Abbreviations.HyphenPrefixes.Contains(text[segmentStart..j])))
            {
                j++;
                segmentStart = j;
            }
            else if (c == '&' && char.IsUpper(text[j - 1]) && j + 1 < n && char.IsUpper(text[j + 1]))
            {
                j++;
            }
            else if (c == '@' && nextIsWord)
            {
                j++;
            }
            else
            {
                break;
            }
        }

        // A period that belongs to an abbreviation stays with it.
        if (j < n && text[j] == '.' && IsAbbreviation(text.AsSpan(start, j - start)))
        {
            j++;
        }

        SplitClitics(text, start, j, starts, ends);
        return j;
    }

    /// <summary>"Dec", "Mr", "U.S", "J" (an initial): words that take a period.</summary>
    internal static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsLetter(word[0]);
        }

        var lookup = Abbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        var lookup2 = Abbreviations.MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word) || lookup2.Contains(word))
        {
            return true;
        }

        // Dotted initials: U.S, U.N, e.g — letters separated by single periods.
        if (word.Contains('.'))
        {
            for (int k = 0; k < word.Length; k++)
            {
                bool even = k % 2 == 0;
                if (even ? !char.IsLetter(word[k]) : word[k] != '.')
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static void SplitClitics(string text, int start, int end, List<int> starts, List<int> ends)
    {
        int len = end - start;
        var word = text.AsSpan(start, len);
        if (len > 3 && (word[^1] == 't' || word[^1] == 'T') && IsApostrophe(word[^2]) && (word[^3] == 'n' || word[^3] == 'N'))
        {
            Add(starts, ends, start, end - 3);
            Add(starts, ends, end - 3, end);
            return;
        }

        int apostrophe = -1;
        for (int k = len - 1; k > 0; k--)
        {
            if (IsApostrophe(word[k]))
            {
                apostrophe = k;
                break;
            }
        }

        if (apostrophe > 0)
        {
            var suffix = word[(apostrophe + 1)..];
            if (suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("re", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase))
            {
                Add(starts, ends, start, start + apostrophe);
                Add(starts, ends, start + apostrophe, end);
                return;
            }
        }

        Add(starts, ends, start, end);
    }
}
