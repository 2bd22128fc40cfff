using System.Runtime.CompilerServices;
using Readout.Core;

namespace Readout.Ingest;

/// <summary>
/// Reads articles from files, directories and streams. Bad input never stops a batch: every
/// file, line or feed item that cannot be read becomes a skip result with a diagnostic code
/// (<see cref="IngestCodes"/>) and a message naming the input and the reason, and reading goes on.
/// An instance holds no state besides its options and may be used by several callers at once.
/// </summary>
public sealed class ArticleReader
{
    public ArticleReader(ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        Options = options;
    }

    public ReaderOptions Options { get; }

    /// <summary>
    /// Reads each path in order. A file's format comes from its extension
    /// (see <see cref="InputFormats.TryFromExtension"/>), or from its content when the extension is
    /// unknown. A directory is walked recursively in ordinal name order; there only files with a
    /// known extension are read, and hidden entries (names starting with '.'), <c>*.meta.json</c>
    /// sidecars and symbolic links to directories are passed over.
    /// </summary>
    public async IAsyncEnumerable<ReadResult> ReadAsync(IReadOnlyList<string> paths, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            if (Directory.Exists(path))
            {
                await foreach (var result in ReadDirectoryAsync(path, ct).ConfigureAwait(false))
                {
                    yield return result;
                }
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                InputFormat? format = InputFormats.TryFromExtension(path, out var known) ? known : null;
                foreach (var result in await ReadFileAsync(path, format, ct).ConfigureAwait(false))
                {
                    yield return result;
                }
            }
            else
            {
                yield return ReadResult.Skip(path, IngestCodes.PathNotFound, $"{path}: no such file or directory");
            }
        }
    }

    /// <summary>
    /// Reads one input from a stream (stdin), sniffing its format with <see cref="InputFormats.Sniff"/>.
    /// At most <see cref="ReaderOptions.MaxBytes"/> + 1 bytes are read. The stream is not disposed.
    /// </summary>
    /// <param name="name">The origin used for ids and messages, e.g. "stdin".</param>
    public async IAsyncEnumerable<ReadResult> ReadStreamAsync(Stream stream, string name, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        byte[]? bytes;
        string? failure = null;
        try
        {
            bytes = await ReadLimitedAsync(stream, Options.MaxBytes, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            bytes = null;
            failure = ex.Message;
        }

        if (failure is not null)
        {
            yield return ReadResult.Skip(name, IngestCodes.Unreadable, $"{name}: cannot be read ({failure})");
            yield break;
        }

        if (bytes is null)
        {
            yield return TooLarge(name, $"more than {Options.MaxBytes} bytes");
            yield break;
        }

        foreach (var result in Parse(bytes, name, name, format: null, sidecar: null, []))
        {
            yield return result;
        }
    }

    private async IAsyncEnumerable<ReadResult> ReadDirectoryAsync(string root, [EnumeratorCancellation] CancellationToken ct)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            FileSystemInfo[] entries;
            string? failure = null;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries = [];
                failure = ex.Message;
            }

            if (failure is not null)
            {
                yield return ReadResult.Skip(dir, IngestCodes.Unreadable, $"{dir}: directory cannot be listed ({failure})");
                continue;
            }

            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    // Links to directories could form cycles; real subfolders are enough.
                    if (sub.LinkTarget is null)
                    {
                        subdirectories.Add(Path.Combine(dir, sub.Name));
                    }

                    continue;
                }

                if (entry.Name.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase) || !InputFormats.TryFromExtension(entry.Name, out var format))
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                foreach (var result in await ReadFileAsync(Path.Combine(dir, entry.Name), format, ct).ConfigureAwait(false))
                {
                    yield return result;
                }
            }

            // Files of a folder come before its subfolders; subfolders in name order.
            for (int i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }
    }

    /// <param name="format">Null to sniff the content.</param>
    private async Task<IReadOnlyList<ReadResult>> ReadFileAsync(string path, InputFormat? format, CancellationToken ct)
    {
        byte[]? bytes;
        try
        {
            var info = new FileInfo(path);
            long length = info.Length;
            if (length > Options.MaxBytes)
            {
                return [TooLarge(path, $"{length} bytes")];
            }

            // Zero length also covers FIFOs and devices, which must not be opened: a read could block.
            if (length == 0)
            {
                return [ReadResult.Skip(path, IngestCodes.Empty, $"{path}: empty (0 bytes)")];
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                bytes = await ReadLimitedAsync(stream, Options.MaxBytes, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [ReadResult.Skip(path, IngestCodes.Unreadable, $"{path}: cannot be read ({ex.GetType().Name}: {ex.Message})")];
        }

        if (bytes is null)
        {
            return [TooLarge(path, "grew while being read")];
        }

        Sidecar? sidecar = null;
        var warnings = new List<Diagnostic>();
        if (format is null or InputFormat.PlainText or InputFormat.Html)
        {
            (sidecar, string? problem) = await Sidecar.TryReadAsync(path, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                warnings.Add(DocumentFactory.Warning(IngestCodes.MalformedSidecar, problem));
            }
        }

        return Parse(bytes, path, Path.GetFileNameWithoutExtension(path), format, sidecar, warnings);
    }

    private IReadOnlyList<ReadResult> Parse(byte[] bytes, string origin, string stem, InputFormat? format, Sidecar? sidecar, List<Diagnostic> warnings)
    {
        if (!TextDecoder.TryDecode(bytes, out string text, out string code, out string reason))
        {
            return [ReadResult.Skip(origin, code, $"{origin}: {reason}")];
        }

        return (format ?? InputFormats.Sniff(text)) switch
        {
            InputFormat.Html => [HtmlFormat.Read(text, origin, stem, Options, sidecar, warnings)],
            InputFormat.JsonLines => [.. JsonLinesFormat.Read(text, origin, stem, Options)],
            InputFormat.Feed => [.. FeedFormat.Read(text, origin, stem, Options)],
            _ => [PlainTextFormat.Read(text, origin, stem, Options, sidecar, warnings)],
        };
    }

    private ReadResult TooLarge(string origin, string size) =>
        ReadResult.Skip(origin, IngestCodes.TooLarge, $"{origin}: too large ({size}; the limit is {Options.MaxBytes} bytes)");

    /// <summary>Reads the whole stream, or returns null as soon as it holds more than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        while (true)
        {
            int n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }
}
