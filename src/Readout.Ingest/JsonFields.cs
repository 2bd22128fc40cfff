using System.Text.Json;

namespace Readout.Ingest;

/// <summary>Small helpers for the JSON inputs (JSON Lines records and <c>.meta.json</c> sidecars).</summary>
internal static class JsonFields
{
    /// <summary>A string property, a number's literal text, or null (missing, null, or another kind).</summary>
    public static string? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p)
            ? p.ValueKind switch
            {
                JsonValueKind.String => p.GetString(),
                JsonValueKind.Number => p.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Null for null or white space, the trimmed value otherwise.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
