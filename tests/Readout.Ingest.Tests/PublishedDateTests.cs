namespace Readout.Ingest.Tests;

public class PublishedDateTests
{
    [Theory]
    [InlineData("2016-10-02", "2016-10-02T00:00:00.0000000+00:00")]
    [InlineData(" 2016-10-02 ", "2016-10-02T00:00:00.0000000+00:00")]
    [InlineData("2016-10-02T09:30:00Z", "2016-10-02T09:30:00.0000000+00:00")]
    [InlineData("2016-10-02T09:30:00+09:00", "2016-10-02T09:30:00.0000000+09:00")]
    [InlineData("2016-10-02T09:30:00.125-05:00", "2016-10-02T09:30:00.1250000-05:00")]
    [InlineData("2016-10-02T09:30", "2016-10-02T09:30:00.0000000+00:00")]
    [InlineData("2016-10-02 09:30:00", "2016-10-02T09:30:00.0000000+00:00")]
    [InlineData("Sun, 02 Oct 2016 09:30:00 GMT", "2016-10-02T09:30:00.0000000+00:00")]
    [InlineData("Sun, 2 Oct 2016 09:30:00 +0900", "2016-10-02T09:30:00.0000000+09:00")]
    [InlineData("2 Oct 2016 09:30 -0400", "2016-10-02T09:30:00.0000000-04:00")]
    public void TryParse_ValidDate_ReturnsValue(string input, string expected)
    {
        Assert.True(PublishedDate.TryParse(input, out var value));
        Assert.Equal(expected, value.ToString("O"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("2016-13-01")]
    [InlineData("2016-02-30")]
    [InlineData("02/10/2016")]
    [InlineData("Sun, 02 Oct 2016 09:30:00 XYZ")]
    public void TryParse_BadDate_ReturnsFalse(string? input)
    {
        Assert.False(PublishedDate.TryParse(input, out _));
    }
}
