namespace Readout.Ingest.Tests;

public class InputFormatsTests
{
    [Theory]
    [InlineData("{\"text\":\"x\"}", InputFormat.JsonLines)]
    [InlineData("\n\n  {\"text\":\"x\"}", InputFormat.JsonLines)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", InputFormat.Feed)]
    [InlineData("<rss version=\"2.0\"></rss>", InputFormat.Feed)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", InputFormat.Feed)]
    [InlineData("<!DOCTYPE html><html></html>", InputFormat.Html)]
    [InlineData("<!doctype HTML>", InputFormat.Html)]
    [InlineData("<html lang=\"en\">", InputFormat.Html)]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", InputFormat.Html)]
    [InlineData("TOKYO (Reuters) - Talks began on Monday.", InputFormat.PlainText)]
    [InlineData("<b>not a page</b>", InputFormat.PlainText)]
    public void Sniff_Content_ReturnsFormat(string text, InputFormat expected)
    {
        Assert.Equal(expected, InputFormats.Sniff(text));
    }

    [Theory]
    [InlineData("a/b.TXT", InputFormat.PlainText)]
    [InlineData("b.htm", InputFormat.Html)]
    [InlineData("b.jsonl", InputFormat.JsonLines)]
    [InlineData("b.rss", InputFormat.Feed)]
    [InlineData("b.atom", InputFormat.Feed)]
    public void TryFromExtension_KnownExtension_ReturnsFormat(string path, InputFormat expected)
    {
        Assert.True(InputFormats.TryFromExtension(path, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void TryFromExtension_UnknownExtension_ReturnsFalse()
    {
        Assert.False(InputFormats.TryFromExtension("notes.md", out _));
    }
}
