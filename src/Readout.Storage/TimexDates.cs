using System.Globalization;

namespace Readout.Storage;

/// <summary>The calendar days a TIMEX3 date value covers, for range filters and sorting.</summary>
internal static class TimexDates
{
    /// <summary>
    /// <c>2016-10-02</c> (also with a time part), <c>2016-W40</c>, <c>2016-10</c>, <c>2016-Q4</c>,
    /// <c>2016</c> and the decade <c>201</c> have a first and last day; anything else
    /// (<c>PAST_REF</c>, <c>XXXX-12-15</c>, invalid dates) has none.
    /// </summary>
    public static bool TryGetRange(string? value, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        if (value is null || value.Length < 3 || !AllDigits(value.AsSpan(0, 3)))
        {
            return false;
        }

        if (value.Length == 3)
        {
            int decade = Int(value.AsSpan(0, 3)) * 10;
            if (decade < 1)
            {
                return false;
            }

            start = new DateOnly(decade, 1, 1);
            end = new DateOnly(decade + 9, 12, 31);
            return true;
        }

        if (value.Length < 4 || !AllDigits(value.AsSpan(0, 4)) || (value.Length > 4 && value[4] != '-'))
        {
            return false;
        }

        int year = Int(value.AsSpan(0, 4));
        if (year < 1)
        {
            return false;
        }

        var rest = value.AsSpan(4);
        if (rest.IsEmpty)
        {
            start = new DateOnly(year, 1, 1);
            end = new DateOnly(year, 12, 31);
            return true;
        }

        rest = rest[1..];
        if (rest.Length >= 2 && rest[0] == 'W' && AllDigits(rest.Slice(1, 2)) && (rest.Length == 3 || rest[3] == '-'))
        {
            int week = Int(rest.Slice(1, 2));
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year) || (year == 9999 && week == ISOWeek.GetWeeksInYear(year)))
            {
                return false;
            }

            start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            end = start.AddDays(6);
            return true;
        }

        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
        {
            int q = rest[1] - '0';
            start = new DateOnly(year, (q * 3) - 2, 1);
            end = start.AddMonths(3).AddDays(-1);
            return true;
        }

        if (rest.Length < 2 || !AllDigits(rest[..2]))
        {
            return false;
        }

        int month = Int(rest[..2]);
        if (month is < 1 or > 12)
        {
            return false;
        }

        rest = rest[2..];
        if (rest.IsEmpty)
        {
            start = new DateOnly(year, month, 1);
            end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return true;
        }

        if (rest.Length < 3 || rest[0] != '-' || !AllDigits(rest.Slice(1, 2)) || (rest.Length > 3 && rest[3] != 'T'))
        {
            return false;
        }

        int day = Int(rest.Slice(1, 2));
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        start = end = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The sortable text form stored in <c>date_start</c>/<c>date_end</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
