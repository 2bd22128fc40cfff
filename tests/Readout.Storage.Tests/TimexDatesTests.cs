namespace Readout.Storage.Tests;

public sealed class TimexDatesTests
{
    [Theory]
    [InlineData("2016-10-02", "2016-10-02", "2016-10-02")]
    [InlineData("2016-10-02T15:30", "2016-10-02", "2016-10-02")]
    [InlineData("2016-12", "2016-12-01", "2016-12-31")]
    [InlineData("2016-02", "2016-02-01", "2016-02-29")]
    [InlineData("2016-W40", "2016-10-03", "2016-10-09")]
    [InlineData("2016-W40-WE", "2016-10-03", "2016-10-09")]
    [InlineData("2016-Q4", "2016-10-01", "2016-12-31")]
    [InlineData("2016", "2016-01-01", "2016-12-31")]
    [InlineData("201", "2010-01-01", "2019-12-31")]
    public void TryGetRange_CalendarValue_FirstAndLastDay(string value, string start, string end)
    {
        Assert.True(TimexDates.TryGetRange(value, out var s, out var e));
        Assert.Equal((start, end), (TimexDates.Format(s), TimexDates.Format(e)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PAST_REF")]
    [InlineData("XXXX-12-15")]
    [InlineData("P3D")]
    [InlineData("2016-13")]
    [InlineData("2015-02-29")]
    [InlineData("2015-W54")]
    [InlineData("2016-SU")]
    [InlineData("2016-1")]
    [InlineData("0000")]
    [InlineData("2016-10-02X")]
    public void TryGetRange_NotACalendarDate_False(string? value)
    {
        Assert.False(TimexDates.TryGetRange(value, out _, out _));
    }
}
