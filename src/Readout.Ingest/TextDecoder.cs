using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Readout.Ingest;

/// <summary>
/// Turns bytes into text without guessing: a BOM selects UTF-8 or UTF-16 LE/BE, otherwise the
/// bytes must be valid UTF-8. Nothing is replaced silently; a failure is a skip code and a reason.
/// </summary>
internal static class TextDecoder
{
    /// <summary>Above this share of control characters (other than tab, CR, LF, FF) the content is binary.</summary>
    private const double MaxControlRatio = 0.05;

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string code, out string reason)
    {
        text = string.Empty;
        code = string.Empty;
        reason = string.Empty;
        if (bytes.IsEmpty)
        {
            (code, reason) = (IngestCodes.Empty, "empty (0 bytes)");
            return false;
        }

        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            bool little = bytes[0] == 0xFF;
            var body = bytes[2..];
            if (body.Length % 2 != 0)
            {
                (code, reason) = (IngestCodes.InvalidEncoding, $"UTF-16 {(little ? "LE" : "BE")} byte order mark but an odd number of bytes ({bytes.Length})");
                return false;
            }

            var encoding = new UnicodeEncoding(bigEndian: !little, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                text = encoding.GetString(body);
            }
            catch (DecoderFallbackException ex)
            {
                (code, reason) = (IngestCodes.InvalidEncoding, $"invalid UTF-16 {(little ? "LE" : "BE")} (unpaired surrogate near byte {ex.Index + 2})");
                return false;
            }
        }
        else
        {
            var body = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
            int nul = body.IndexOf((byte)0);
            if (nul >= 0)
            {
                (code, reason) = (IngestCodes.Binary, $"binary content (NUL byte at offset {nul + (bytes.Length - body.Length)})");
                return false;
            }

            char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
            try
            {
                var status = Utf8.ToUtf16(body, buffer, out int read, out int written, replaceInvalidSequences: false);
                if (status != System.Buffers.OperationStatus.Done)
                {
                    (code, reason) = (IngestCodes.InvalidEncoding, $"not valid UTF-8 (bad byte sequence at offset {read + (bytes.Length - body.Length)}); save it as UTF-8, or UTF-16 with a byte order mark");
                    return false;
                }

                text = new string(buffer, 0, written);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        int controls = 0;
        bool blank = true;
        foreach (char c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                controls++;
            }

            blank &= char.IsWhiteSpace(c);
        }

        if (text.Length > 0 && controls > Math.Max(2, text.Length * MaxControlRatio))
        {
            (code, reason) = (IngestCodes.Binary, $"binary content ({controls} control characters in {text.Length})");
            return false;
        }

        if (blank)
        {
            (code, reason) = (IngestCodes.Empty, "empty (only white space)");
            return false;
        }

        return true;
    }
}
