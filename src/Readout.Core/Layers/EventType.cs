namespace Readout.Core.Layers;

/// <summary>The 16 PLOVER event types.</summary>
public enum EventType
{
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}
