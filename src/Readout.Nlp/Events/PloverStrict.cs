using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>
/// PLOVER's own reading of future and hoped-for acts, applied at output time (<c>--plover-strict</c>).
/// Readout keeps an event's type and records "will visit" or "hopes to sign" as modality; the PLOVER
/// manual instead codes planned or intended CONSULT, SUPPORT, COOPERATE and AID as AGREE, and announced
/// retreats as CONCEDE. The rewritten event is asserted (the promise or announcement was made), its
/// CAMEO code is the matching "intent" code, and its rule says what was rewritten. Pure and thread-safe.
/// </summary>
public static class PloverStrict
{
    public static CodedEvent Apply(CodedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Modality is not (Modality.Planned or Modality.Intended))
        {
            return e;
        }

        (EventType Type, string Cameo)? strict = e.Type switch
        {
            EventType.Consult => (EventType.Agree, "036"),
            EventType.Support => (EventType.Agree, "032"),
            EventType.Cooperate => (EventType.Agree, ByContext(e.Context, "031", economic: "0311", military: "0312", legal: "0313", intelligence: "0314")),
            EventType.Aid => (EventType.Agree, ByContext(e.Context, "033", economic: "0331", military: "0332", humanitarian: "0333", peacekeeping: "0334")),
            EventType.Retreat => (EventType.Concede, e.Mode switch
            {
                "release" => "0353",
                "access" => "0355",
                "withdraw" or "ceasefire" or "disarm" => "0356",
                _ when e.Cameo.StartsWith("085", StringComparison.Ordinal) => "0354",
                _ => "035",
            }),
            _ => null,
        };
        if (strict is not { } s)
        {
            return e;
        }

        return e with
        {
            Type = s.Type,
            Mode = null, // AGREE and CONCEDE have no modes
            Cameo = s.Cameo,
            Modality = Modality.Asserted,
            Rule = $"{e.Rule}; plover-strict: {e.Modality.ToString().ToLowerInvariant()} {e.Type.ToString().ToUpperInvariant()} {e.Cameo} -> {s.Type.ToString().ToUpperInvariant()}",
        };
    }

    private static string ByContext(string? context, string general, string? economic = null, string? military = null, string? legal = null,
        string? intelligence = null, string? humanitarian = null, string? peacekeeping = null) => context switch
        {
            "economic" => economic ?? general,
            "military" => military ?? general,
            "legal" => legal ?? general,
            "intelligence" => intelligence ?? general,
            "humanitarian" => humanitarian ?? general,
            "peacekeeping" => peacekeeping ?? general,
            _ => general,
        };
}
