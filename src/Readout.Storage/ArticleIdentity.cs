using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Readout.Core;

namespace Readout.Storage;

/// <summary>How a stored article is recognised when it is ingested again.</summary>
internal static class ArticleIdentity
{
    /// <summary><c>url:&lt;url&gt;</c> when the document has a URL, else <c>doc:&lt;source&gt;␟&lt;id&gt;</c>.</summary>
    public static string Key(Document document) =>
        string.IsNullOrWhiteSpace(document.Metadata.Url)
            ? $"doc:{document.Metadata.Source}\u001f{document.Id}"
            : $"url:{document.Metadata.Url.Trim()}";

    /// <summary>
    /// SHA-256 (lower-case hex) over the text and the metadata that changes what is coded: source,
    /// published time, title, URL. Hashes the UTF-16 code units, so lone surrogates count as they are;
    /// each field is length-prefixed so no two different inputs share an encoding.
    /// </summary>
    public static string ContentHash(Document document)
    {
        var m = document.Metadata;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, document.Text);
        Append(hash, m.Source);
        Append(hash, m.Published?.ToString("o"));
        Append(hash, m.Title);
        Append(hash, m.Url);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, value is null ? -1 : value.Length);
        hash.AppendData(length);
        if (value is not null)
        {
            hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        }
    }
}
