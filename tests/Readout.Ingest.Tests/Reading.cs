namespace Readout.Ingest.Tests;

internal static class Reading
{
    public static async Task<List<ReadResult>> AllAsync(ArticleReader reader, params string[] paths)
    {
        var results = new List<ReadResult>();
        await foreach (var r in reader.ReadAsync(paths, CancellationToken.None))
        {
            results.Add(r);
        }

        return results;
    }

    public static async Task<List<ReadResult>> StreamAsync(ArticleReader reader, byte[] bytes, string name = "stdin")
    {
        var results = new List<ReadResult>();
        using var stream = new MemoryStream(bytes);
        await foreach (var r in reader.ReadStreamAsync(stream, name, CancellationToken.None))
        {
            results.Add(r);
        }

        return results;
    }

    public static ReadResult Single(List<ReadResult> results)
    {
        Assert.Single(results);
        return results[0];
    }
}
