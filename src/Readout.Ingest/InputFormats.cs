namespace Readout.Ingest;

/// <summary>Chooses an <see cref="InputFormat"/> from a file extension or from content.</summary>
public static class InputFormats
{
    /// <summary>
    /// The format of a known extension (<c>.txt .text .html .htm .jsonl .ndjson .xml .rss .atom</c>,
    /// case-insensitive).
    /// </summary>
    /// <returns>False for any other extension.</returns>
    public static bool TryFromExtension(string path, out InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".txt" or ".text":
                format = InputFormat.PlainText;
                return true;
            case ".html" or ".htm" or ".xhtml":
                format = InputFormat.Html;
                return true;
            case ".jsonl" or ".ndjson":
                format = InputFormat.JsonLines;
                return true;
            case ".xml" or ".rss" or ".atom":
                format = InputFormat.Feed;
                return true;
            default:
                format = InputFormat.PlainText;
                return false;
        }
    }

    /// <summary>
    /// Guesses the format of decoded content: JSON Lines if the first non-blank character is
    /// <c>{</c>; a feed if it starts with <c>&lt;?xml</c>, <c>&lt;rss</c> or <c>&lt;feed</c>; HTML if it starts
    /// with <c>&lt;html</c> or <c>&lt;!DOCTYPE html</c> (case-insensitive); plain text otherwise.
    /// An XML declaration followed by an <c>&lt;html</c> root is HTML.
    /// </summary>
    public static InputFormat Sniff(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan().TrimStart();
        if (s.StartsWith("{", StringComparison.Ordinal))
        {
            return InputFormat.JsonLines;
        }

        if (s.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            int end = s.IndexOf("?>", StringComparison.Ordinal);
            var rest = end < 0 ? [] : s[(end + 2)..].TrimStart();
            return StartsHtml(rest) ? InputFormat.Html : InputFormat.Feed;
        }

        if (s.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || s.StartsWith("<feed", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Feed;
        }

        return StartsHtml(s) ? InputFormat.Html : InputFormat.PlainText;
    }

    private static bool StartsHtml(ReadOnlySpan<char> s) =>
        s.StartsWith("<html", StringComparison.OrdinalIgnoreCase) || s.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase);
}
