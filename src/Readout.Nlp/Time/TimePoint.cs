using System.Globalization;

namespace Readout.Nlp.Time;

/// <summary>A calendar value of a given precision: the day, week, month … that holds <see cref="Date"/>.
/// For seasons, <see cref="Date"/> is the first day of the season's first month (winter: January).</summary>
public readonly record struct TimePoint(DateOnly Date, Granularity Granularity)
{
    /// <summary>The TIMEX3 value ("2016-10-02", "2016-W39", "2016-Q3", "199X" …).</summary>
    public string ToTimexValue()
    {
        var d = Date;
        return Granularity switch
        {
            Granularity.Day => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Granularity.Week => IsoWeek(d),
            Granularity.Weekend => IsoWeek(d) + "-WE",
            Granularity.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Granularity.Season => SeasonValue(d),
            Granularity.Quarter => Year(d.Year) + "-Q" + (((d.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture),
            Granularity.Half => Year(d.Year) + "-H" + (d.Month <= 6 ? "1" : "2"),
            Granularity.Year => Year(d.Year),
            Granularity.Decade => Year(d.Year)[..3] + "X",
            Granularity.Century => Year(d.Year)[..2],
            _ => Year(d.Year),
        };
    }

    public override string ToString() => ToTimexValue();

    internal static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return Year(ISOWeek.GetYear(dt)) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture);
    }

    private static string SeasonValue(DateOnly d)
    {
        return d.Month switch
        {
            3 or 4 or 5 => Year(d.Year) + "-SP",
            6 or 7 or 8 => Year(d.Year) + "-SU",
            9 or 10 or 11 => Year(d.Year) + "-FA",
            _ => Year(d.Year) + "-WI",
        };
    }
}
