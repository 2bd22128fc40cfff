using System.Globalization;
using Readout.Core;
using Readout.Core.Layers;

namespace Readout.Nlp.Time;

/// <summary>
/// Finds English time expressions in plain text and normalizes them to TIMEX3 values
/// (TimeML / TempEval-3 conventions) against a <see cref="TimeContext"/>. Works on characters,
/// not on a token layer, so it can be tested and evaluated on its own. Thread-safe: the lexicon
/// is immutable and each call keeps its state on the stack of the call and in the context it is given.
/// </summary>
public sealed class TimeExpressionRecognizer
{
    private readonly TimeLexicon _lexicon = new();

    /// <summary>
    /// Finds the time expressions in <c>text[start..end)</c>, in text order, and updates
    /// <paramref name="context"/>'s last mentioned date as it reads. Linear in the length of the range.
    /// </summary>
    public IReadOnlyList<TimexMatch> Find(string text, int start, int end, TimeContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);

        var tokens = Scan(text, start, end);
        var result = new List<TimexMatch>();
        if (tokens.Count == 0)
        {
            return result;
        }

        var parser = new TimexParser(text, tokens, context);

        int i = 0;
        while (i < tokens.Count)
        {
            if (!MayStart(tokens, i))
            {
                i++;
                continue;
            }

            if (parser.TryParse(i, out var c))
            {
                var span = TextSpan.FromBounds(tokens[c.First].Start, tokens[c.End - 1].End);
                result.Add(new TimexMatch(span, c.Type, c.Value, c.Mod, c.Tense, c.Type == TimexType.Duration && c.Point is { } reached ? reached.ToTimexValue() : null));
                if (c.Point is { } p)
                {
                    context.LastMentioned = p;
                }

                i = c.End;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>Finds the time expressions of the whole text.</summary>
    public IReadOnlyList<TimexMatch> Find(string text, TimeContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, 0, text.Length, context);
    }

    /// <summary>A cheap filter before parsing: the token can start an expression, and a word that
    /// cannot stand alone ("the", "two", "last") is followed by something temporal.</summary>
    private static bool MayStart(List<TextToken> tokens, int i)
    {
        var t = tokens[i];
        if (t.Kind == TokenKind.Digits)
        {
            return true;
        }

        if (t.Info is not { } info || !info.Is(WordClass.Starter))
        {
            return false;
        }

        if (info.Is(WordClass.Standalone) || i + 1 >= tokens.Count)
        {
            return info.Is(WordClass.Standalone);
        }

        var next = tokens[i + 1];
        return next.Kind != TokenKind.Word || next.Info is not null;
    }

    private List<TextToken> Scan(string text, int start, int end)
    {
        var tokens = new List<TextToken>(Math.Max(4, (end - start) / 5));
        int i = start;
        bool breakBefore = true;
        while (i < end)
        {
            char ch = text[i];
            if (char.IsWhiteSpace(ch))
            {
                int newlines = 0;
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\n')
                    {
                        newlines++;
                    }

                    i++;
                }

                if (newlines >= 2)
                {
                    breakBefore = true;
                }

                continue;
            }

            var tok = new TextToken { Start = i, BreakBefore = breakBefore, Number = -1 };
            breakBefore = false;
            if (char.IsLetter(ch))
            {
                int j = i + 1;
                while (j < end && char.IsLetter(text[j]))
                {
                    j++;
                }

                tok.Kind = TokenKind.Word;
                tok.Upper = char.IsUpper(ch);
                if (j - i == 1 && j + 2 < end && text[j] == '.' && (text[j + 1] == 'm' || text[j + 1] == 'M') && text[j + 2] == '.'
                    && (ch is 'a' or 'p' or 'A' or 'P'))
                {
                    // "a.m." / "p.m." as one token.
                    tok.End = j + 3;
                    tok.Info = null;
                    tok.Number = ch is 'a' or 'A' ? -2 : -3;
                    tokens.Add(tok);
                    i = j + 3;
                    continue;
                }

                WordInfo? info = null;
                if (j < end && text[j] == '.' && j - i <= 4)
                {
                    info = _lexicon.Lookup(text.AsSpan(i, j + 1 - i));
                    if (info is not null)
                    {
                        j++;
                    }
                }

                tok.End = j;
                tok.Info = info ?? _lexicon.Lookup(text.AsSpan(i, j - i));
                tokens.Add(tok);
                i = j;
            }
            else if (char.IsAsciiDigit(ch))
            {
                int j = i + 1;
                while (j < end && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                tok.Kind = TokenKind.Digits;
                tok.End = j;
                if (j - i <= 9)
                {
                    tok.Number = int.Parse(text.AsSpan(i, j - i), NumberStyles.None, CultureInfo.InvariantCulture);
                }

                tokens.Add(tok);
                i = j;
            }
            else
            {
                tok.Kind = TokenKind.Punct;
                tok.End = i + 1;
                tokens.Add(tok);
                i++;
                if (ch is '.' or '!' or '?' or ';')
                {
                    breakBefore = true;
                }
            }
        }

        return tokens;
    }
}
