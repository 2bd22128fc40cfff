using System.Globalization;
using System.Text.RegularExpressions;

namespace Readout.Ingest;

/// <summary>Parses publication dates as found in metadata, feeds and on the command line.</summary>
public static partial class PublishedDate
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    private static readonly string[] RfcFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm zzz",
        "d MMM yyyy HH:mm:ss zzz",
        "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz",
        "ddd, d MMM yyyy",
        "d MMM yyyy",
    ];

    /// <summary>
    /// Parses an ISO 8601 date (<c>2016-10-02</c>) or date-time (<c>2016-10-02T09:30:00+09:00</c>,
    /// <c>2016-10-02 09:30Z</c>) or an RFC 1123 / RFC 822 date (<c>Sun, 02 Oct 2016 09:30:00 GMT</c>,
    /// <c>Sun, 2 Oct 2016 09:30:00 +0900</c>). A value without an offset is taken as UTC; a date
    /// alone is midnight UTC. Surrounding white space is ignored.
    /// </summary>
    /// <returns>False for null, empty or unrecognized input, or an impossible date.</returns>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var s = value.Trim();
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite;
        if (DateTimeOffset.TryParseExact(s, IsoFormats, CultureInfo.InvariantCulture, Styles, out result))
        {
            return true;
        }

        // RFC 822 zones: GMT/UT/Z and numeric "+0900"; .NET's zzz wants "+09:00".
        var rfc = RfcZone().Replace(s, m => m.Groups["z"].Value switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            var z => z[..3] + ":" + z[3..],
        });
        return DateTimeOffset.TryParseExact(rfc, RfcFormats, CultureInfo.InvariantCulture, Styles, out result);
    }

    [GeneratedRegex(@"(?<= )(?<z>GMT|UTC|UT|Z|[+-]\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcZone();
}
