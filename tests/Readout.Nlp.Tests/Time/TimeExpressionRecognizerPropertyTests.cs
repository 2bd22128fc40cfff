using CsCheck;
using Readout.Nlp.Time;

namespace Readout.Nlp.Tests.Time;

public sealed class TimeExpressionRecognizerPropertyTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    private static readonly string[] Vocabulary =
    [
        "the", "last", "next", "this", "that", "a", "two", "twenty", "-", "five", "year", "years", "month", "week", "day", "days", "ago",
        "earlier", "later", "Friday", "Sunday", "May", "March", "Dec.", "Sept.", "15", "31", "29", "2016", "1990", "1990s", "'", "90s",
        "quarter", "third", "first", "half", "of", "in", "on", "early", "late", "mid", "end", "beginning", "will", "met", "said", "10",
        ":", "30", "a.m.", "p.m.", "noon", "every", "daily", "decades", "old", "now", "recently", "future", "past", "fiscal", ",", ".",
        "more", "than", "at", "least", "nearly", "Christmas", "Day", "tonight", "morning", "night", "9999", "0", "000", "year-ago",
    ];

    private static readonly Gen<DateOnly?> Reference =
        Gen.Frequency((1, Gen.Const((DateOnly?)null)), (6, Gen.Int[0, DateOnly.MaxValue.DayNumber].Select(d => (DateOnly?)DateOnly.FromDayNumber(d))));

    [Fact]
    public void Find_ArbitraryUnicode_NeverThrowsAndSpansInBounds()
    {
        Gen.Select(Gen.Char.Array[0, 200].Select(c => new string(c)), Reference)
            .Sample((text, reference) => Check(text, 0, text.Length, reference), iter: 3000);
    }

    [Fact]
    public void Find_TemporalWordSoup_NeverThrowsAndSpansInBounds()
    {
        var soup = Gen.Int[0, Vocabulary.Length - 1].Select(k => Vocabulary[k]).Array[0, 40].Select(ws => string.Join(' ', ws));
        Gen.Select(soup, Reference).Sample((text, reference) => Check(text, 0, text.Length, reference), iter: 5000);
    }

    [Fact]
    public void Find_SubRange_SpansStayInsideTheRange()
    {
        var soup = Gen.Int[0, Vocabulary.Length - 1].Select(k => Vocabulary[k]).Array[0, 40].Select(ws => string.Join(' ', ws));
        Gen.Select(soup, Gen.Int[0, 1000], Gen.Int[0, 1000], Reference).Sample((text, a, b, reference) =>
        {
            int start = Math.Min(a, text.Length);
            int end = Math.Clamp(b, start, text.Length);
            Check(text, start, end, reference);
        }, iter: 2000);
    }

    [Fact]
    public void Find_ControlCharactersAndLoneSurrogates_NeverThrows()
    {
        const string text = "\uD800 on Friday\u0000 \uDC00Dec.\u200B15\r\n\r\n last\tyear \uFFFF 1990\u0085s";
        var found = Recognizer.Find(text, new TimeContext(new DateOnly(2016, 10, 2)));
        Assert.All(found, m => Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length));
    }

    private static void Check(string text, int start, int end, DateOnly? reference)
    {
        var found = Recognizer.Find(text, start, end, new TimeContext(reference));
        int previousEnd = start;
        foreach (var m in found)
        {
            if (m.Span.Start < previousEnd || m.Span.End > end || m.Span.Length <= 0 || string.IsNullOrEmpty(m.Value))
            {
                throw new InvalidOperationException($"Bad match {m} in range [{start},{end}) of '{text}'");
            }

            previousEnd = m.Span.End;
        }
    }
}
