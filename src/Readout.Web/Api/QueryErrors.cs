using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Readout.Core.Layers;
using Readout.Storage;

namespace Readout.Web.Api;

/// <summary>
/// Validates query parameters and collects one clear message per bad parameter; the endpoint answers
/// 400 with all of them (RFC 9457 problem details with an <c>errors</c> map) when any is wrong.
/// Parameters are bound as strings so that a bad value never fails binding with a vague error.
/// </summary>
internal sealed partial class QueryErrors
{
    public const int MaxTextLength = 200;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void Add(string parameter, string message) => _errors[parameter] = [message];

    /// <summary>Rejects parameters this endpoint does not know, so a typo is not silently ignored.</summary>
    public void OnlyKnown(HttpRequest request, params string[] known)
    {
        foreach (var key in request.Query.Keys)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Add(key, $"Unknown parameter '{Clip(key)}'; this endpoint accepts: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
            }
            else if (request.Query[key].Count > 1)
            {
                Add(key, $"'{key}' is given more than once.");
            }
        }
    }

    public IResult Problem() => Results.ValidationProblem(
        _errors, title: "Invalid request parameters", detail: string.Join(" ", _errors.Values.SelectMany(v => v)));

    public string? Country(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!CountryCode().IsMatch(value))
        {
            Add(name, $"'{name}' must be an ISO 3166-1 alpha-3 country code such as JPN, got '{Clip(value)}'.");
            return null;
        }

        return value.ToUpperInvariant();
    }

    public CountryPair? Dyad(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !CountryCode().IsMatch(parts[0]) || !CountryCode().IsMatch(parts[1]))
        {
            Add(name, $"'{name}' must be two ISO 3166-1 alpha-3 codes separated by a comma, such as JPN,RUS; got '{Clip(value)}'.");
            return null;
        }

        return new CountryPair(parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
    }

    public string? Text(string name, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(name, $"'{name}' is required.");
            }

            return null;
        }

        if (value.Length > MaxTextLength)
        {
            Add(name, $"'{name}' is {value.Length} characters long; the limit is {MaxTextLength}.");
            return null;
        }

        if (value.Any(char.IsControl))
        {
            Add(name, $"'{name}' contains control characters.");
            return null;
        }

        return value.Trim();
    }

    public TEnum? Enum<TEnum>(string name, string? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && !value.Any(char.IsDigit) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Add(name, $"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}; got '{Clip(value)}'.");
        return null;
    }

    public DateOnly? Date(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(name, $"'{name}' must be a date as yyyy-MM-dd, such as 2024-03-01; got '{Clip(value)}'.");
        return null;
    }

    /// <summary>true or false (any case); absent: <paramref name="defaultValue"/>.</summary>
    public bool Flag(string name, string? value, bool defaultValue)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(value, out bool flag))
        {
            return flag;
        }

        Add(name, $"'{name}' must be true or false; got '{Clip(value)}'.");
        return defaultValue;
    }

    public int Limit(string name, string? value, int defaultValue, int max)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= max)
        {
            return n;
        }

        Add(name, $"'{name}' must be a whole number from 1 to {max}; got '{Clip(value)}'.");
        return defaultValue;
    }

    /// <summary>An opaque cursor: base64url of "e:" and the last event id of the previous page.</summary>
    public long? Cursor(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
            if (text.StartsWith("e:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0)
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        Add(name, $"'{name}' is not a cursor returned by this API (use next_cursor of the previous page).");
        return null;
    }

    public static string MakeCursor(long lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("e:" + lastId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The event filters shared by events, places, network and timeline endpoints.</summary>
    public EventQuery Filters(EventFilterParameters p)
    {
        var query = new EventQuery
        {
            Country = Country("country", p.Country),
            Dyad = Dyad("dyad", p.Dyad),
            Actor = Text("actor", p.Actor),
            Type = Enum<EventType>("type", p.Type),
            Modality = Enum<Modality>("modality", p.Modality),
            From = Date("from", p.From),
            To = Date("to", p.To),
            Text = Text("q", p.Q),
        };
        if (query.From is { } from && query.To is { } to && from > to)
        {
            Add("from", $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).");
        }

        return query;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CountryCode();
}
