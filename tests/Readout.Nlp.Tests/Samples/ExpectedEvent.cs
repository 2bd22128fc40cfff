using System.Text.Json;
using Readout.Core.Layers;

namespace Readout.Nlp.Tests.Samples;

/// <summary>
/// One expected event of samples/expected.json. A must event is found only when type, dyad, date and
/// modality all match; a may event needs type and dyad. A country list accepts any of its members,
/// a null country means "no country", an omitted target accepts any target or none.
/// </summary>
internal sealed record ExpectedEvent(
    string Id,
    IReadOnlyList<string> Types,
    IReadOnlyList<string?>? Sources,
    IReadOnlyList<string?>? Targets,
    bool Symmetric,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string> Modalities)
{
    public static ExpectedEvent FromJson(JsonElement e) => new(
        e.GetProperty("id").GetString()!,
        [e.GetProperty("type").GetString()!, .. Strings(e, "type_also_accepted")],
        Countries(e, "source"),
        Countries(e, "target"),
        e.TryGetProperty("symmetric", out var s) && s.GetBoolean(),
        e.TryGetProperty("date", out var d) ? [d.GetString()!, .. Strings(e, "date_also_accepted")] : [],
        e.TryGetProperty("modality", out var m) ? [m.GetString()!, .. Strings(e, "modality_also_accepted")] : []);

    public bool Matches(CodedEvent e, bool strict)
    {
        if (!Types.Contains(e.Type.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        string? es = e.Source?.Actor.Country, et = e.Target?.Actor.Country;
        bool dyad = Accepts(Sources, es) && Accepts(Targets, et) || Symmetric && Accepts(Sources, et) && Accepts(Targets, es);
        if (!dyad || !strict)
        {
            return dyad;
        }

        return (Dates.Count == 0 || e.Date is not null && Dates.Contains(e.Date))
            && (Modalities.Count == 0 || Modalities.Contains(e.Modality.ToString(), StringComparer.OrdinalIgnoreCase));
    }

    private static bool Accepts(IReadOnlyList<string?>? countries, string? country) => countries is null || countries.Contains(country);

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : [];

    private static List<string?>? Countries(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var c))
        {
            return null;
        }

        return c.ValueKind switch
        {
            JsonValueKind.Null => [null],
            JsonValueKind.Array => [.. c.EnumerateArray().Select(x => x.GetString())],
            _ => [c.GetString()],
        };
    }
}
