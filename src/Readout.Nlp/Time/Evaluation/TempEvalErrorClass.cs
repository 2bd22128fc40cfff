using System.Text.RegularExpressions;

namespace Readout.Nlp.Time.Evaluation;

/// <summary>
/// Sorts <see cref="TempEvalError"/>s into classes so that work is driven by kinds of expression
/// ("last week", quarters, durations …) rather than by files. A class is the error kind, the cue of
/// the expression (from its words and value) and, for value errors, how the values differ.
/// Heuristic and for people: the first cue that fits wins.
/// </summary>
public static partial class TempEvalErrorClass
{
    /// <summary>The class of one error, e.g. "value · week · granularity".</summary>
    public static string Of(TempEvalError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string text = (error.GoldText ?? error.SystemText ?? string.Empty).ToLowerInvariant();
        string value = error.GoldValue ?? error.SystemValue ?? string.Empty;
        if (error.Kind == "type")
        {
            // Type errors carry "TYPE value".
            value = value[(value.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }

        string cue = Cue(text, value);
        return error.Kind == "value" ? $"value · {cue} · {Difference(error.GoldValue, error.SystemValue)}" : $"{error.Kind} · {cue}";
    }

    /// <summary>The errors grouped by class, largest class first, and within a class in corpus order.</summary>
    public static IEnumerable<IGrouping<string, TempEvalError>> Group(IEnumerable<TempEvalError> errors) =>
        errors.GroupBy(Of, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    private static string Cue(string text, string value)
    {
        if (value.EndsWith("_REF", StringComparison.Ordinal) || Ref().IsMatch(text))
        {
            return "now/recent/past/future";
        }

        if (Range().IsMatch(text))
        {
            return "range";
        }

        if (value.Contains('Q', StringComparison.Ordinal) || value.Contains('H', StringComparison.Ordinal) && !value.StartsWith('P') || Quarter().IsMatch(text))
        {
            return "quarter/half/fiscal";
        }

        if (text.Contains("ago", StringComparison.Ordinal))
        {
            return "ago";
        }

        if (Anaphoric().IsMatch(text))
        {
            return "anaphoric";
        }

        if (value.StartsWith('P') || value.StartsWith('T') && value.Length > 1 && char.IsDigit(value[1]))
        {
            return "duration";
        }

        if (Weekday().IsMatch(text))
        {
            return "weekday";
        }

        if (text.Contains("week", StringComparison.Ordinal))
        {
            return "week";
        }

        if (Deictic().IsMatch(text))
        {
            return "this/last/next unit";
        }

        if (Clock().IsMatch(text) || value.Contains('T', StringComparison.Ordinal))
        {
            return "time of day";
        }

        if (Month().IsMatch(text))
        {
            return "month/day date";
        }

        if (Season().IsMatch(text))
        {
            return "season";
        }

        if (Digits().IsMatch(text))
        {
            return "number/year";
        }

        return "other";
    }

    /// <summary>How a system value differs from the gold one: the same shape but another point
    /// (anchor or direction), another precision, or underspecified where gold resolved it.</summary>
    private static string Difference(string? gold, string? system)
    {
        if (string.IsNullOrEmpty(gold) || string.IsNullOrEmpty(system))
        {
            return "missing value";
        }

        // Only calendar values can be more or less specified ("PXY" and "PAST_REF" are other forms).
        bool calendar = IsCalendar(gold) && IsCalendar(system);
        if (calendar && system.Contains('X', StringComparison.Ordinal) && !gold.Contains('X', StringComparison.Ordinal))
        {
            return "left underspecified";
        }

        if (calendar && gold.Contains('X', StringComparison.Ordinal) && !system.Contains('X', StringComparison.Ordinal))
        {
            return "resolved where gold is not";
        }

        string gs = Shape(gold), ss = Shape(system);
        if (gs != ss)
        {
            return $"form {gs} vs {ss}";
        }

        if (char.IsAsciiDigit(gold[0]))
        {
            return string.CompareOrdinal(system, gold) < 0 ? "same form, earlier" : "same form, later";
        }

        return "same form, other value";
    }

    private static bool IsCalendar(string value) => value[0] is 'X' or (>= '0' and <= '9');

    private static string Shape(string value)
    {
        var chars = value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = '9';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\b(now|current(ly)?|present|recent(ly)?|former(ly)?|past|future|once|lately|nowadays|today's|these days|at the moment|at this time|yet)\b")]
    private static partial Regex Ref();

    [GeneratedRegex(@"\d\s*[-–]\s*\d|\b(to|through|until|between|from)\b")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(quarter|half|fiscal|period)\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(that|same|then|the (next|following|previous|preceding|prior)|later|earlier|before|after)\b")]
    private static partial Regex Anaphoric();

    [GeneratedRegex(@"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(this|last|next|coming|previous|past|today|yesterday|tomorrow|tonight)\b")]
    private static partial Regex Deictic();

    [GeneratedRegex(@"\b(\d{1,2}:\d\d|a\.m\.|p\.m\.|morning|afternoon|evening|night|noon|midnight)")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(jan|feb|march|mar|april|apr|may|june|jun|july|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(spring|summer|fall|autumn|winter)\b")]
    private static partial Regex Season();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();
}
