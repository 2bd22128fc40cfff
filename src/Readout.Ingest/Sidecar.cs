using System.Text.Json;

namespace Readout.Ingest;

/// <summary>
/// The metadata of a <c>NAME.meta.json</c> file beside <c>NAME.txt</c>:
/// <c>{"id","source","published","url","title","byline"}</c>, every field optional.
/// </summary>
internal sealed record Sidecar(string? Id, string? Source, string? Published, string? Url, string? Title, string? Byline)
{
    private const long MaxSidecarBytes = 1024 * 1024;

    /// <summary>The sidecar path of an article file: the same folder and stem, extension <c>.meta.json</c>.</summary>
    public static string PathFor(string articlePath) =>
        Path.Combine(Path.GetDirectoryName(articlePath) ?? string.Empty, Path.GetFileNameWithoutExtension(articlePath) + ".meta.json");

    /// <summary>
    /// Reads the sidecar of <paramref name="articlePath"/>, if there is one. Problem says why an
    /// existing sidecar was ignored; it is null when the sidecar was read or there is none.
    /// </summary>
    public static async Task<(Sidecar? Sidecar, string? Problem)> TryReadAsync(string articlePath, CancellationToken ct)
    {
        string path = PathFor(articlePath);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            if (new FileInfo(path).Length > MaxSidecarBytes)
            {
                return (null, $"{path}: sidecar larger than {MaxSidecarBytes} bytes, ignored");
            }

            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"{path}: sidecar is not a JSON object, ignored");
            }

            var o = json.RootElement;
            return (new Sidecar(
                JsonFields.Clean(JsonFields.Get(o, "id")),
                JsonFields.Clean(JsonFields.Get(o, "source")),
                JsonFields.Clean(JsonFields.Get(o, "published")),
                JsonFields.Clean(JsonFields.Get(o, "url")),
                JsonFields.Clean(JsonFields.Get(o, "title")),
                JsonFields.Clean(JsonFields.Get(o, "byline"))), null);
        }
        catch (JsonException ex)
        {
            return (null, $"{path}: sidecar is not valid JSON ({ex.Message}), ignored");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: sidecar cannot be read ({ex.Message}), ignored");
        }
    }
}
