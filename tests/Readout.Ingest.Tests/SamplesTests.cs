namespace Readout.Ingest.Tests;

/// <summary>The articles in samples/ (written for this project) must all be readable.</summary>
public class SamplesTests
{
    [Fact]
    public async Task ReadAsync_SamplesFolder_ReadsEveryArticleWithMetadata()
    {
        var results = await Reading.AllAsync(new ArticleReader(new ReaderOptions()), SamplesFolder());

        Assert.All(results, r => Assert.True(r.IsDocument, r.ToString()));
        Assert.Equal(13, results.Count);
        Assert.All(results, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.Document!.Metadata.Source), r.Origin);
            Assert.NotNull(r.Document.Metadata.Published);
            Assert.False(string.IsNullOrEmpty(r.Document.Metadata.Title), r.Origin);
            Assert.Empty(r.Document.Diagnostics);
        });
    }

    [Fact]
    public async Task ReadAsync_SampleHtmlPage_KeepsArticleDropsPageChrome()
    {
        string page = Path.Combine(SamplesFolder(), "09-eu-sanctions-iran-drones.html");

        var doc = Reading.Single(await Reading.AllAsync(new ArticleReader(new ReaderOptions()), page)).Document!;

        Assert.Equal("Example Brussels Report", doc.Metadata.Source);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 12, 30, 0, TimeSpan.FromHours(2)), doc.Metadata.Published);
        Assert.Contains("The European Union imposed sanctions on Monday", doc.Text);
        Assert.Contains("EU ministers will meet again on June 24", doc.Text);
        Assert.DoesNotContain("newsletter", doc.Text);
        Assert.DoesNotContain("All rights reserved", doc.Text);
    }

    private static string SamplesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "samples");
    }
}
