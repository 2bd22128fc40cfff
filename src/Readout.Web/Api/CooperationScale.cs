using System.Collections.Frozen;
using Readout.Core.Layers;

namespace Readout.Web.Api;

/// <summary>
/// A cooperation–conflict weight per PLOVER type, from +10 (most cooperative) to −10 (most hostile):
/// approximately the Goldstein (1992) weight of the CAMEO root codes each type covers. REQUEST
/// covers both appeals (+3) and demands (−5), hence −1. The score of a set of events is the mean weight.
/// </summary>
internal static class CooperationScale
{
    private static readonly FrozenDictionary<EventType, double> Weights = new Dictionary<EventType, double>
    {
        [EventType.Agree] = 4.0,
        [EventType.Consult] = 1.0,
        [EventType.Support] = 3.5,
        [EventType.Concede] = 5.0,
        [EventType.Cooperate] = 6.0,
        [EventType.Aid] = 7.0,
        [EventType.Retreat] = 5.0,
        [EventType.Request] = -1.0,
        [EventType.Accuse] = -2.0,
        [EventType.Reject] = -4.0,
        [EventType.Threaten] = -6.0,
        [EventType.Protest] = -6.5,
        [EventType.Sanction] = -4.0,
        [EventType.Mobilize] = -7.2,
        [EventType.Coerce] = -7.0,
        [EventType.Assault] = -9.0,
    }.ToFrozenDictionary();

    public static double Weight(EventType type) => Weights[type];

    public static bool IsCooperation(EventType type) => Weights[type] > 0;

    /// <summary>The mean weight of <paramref name="counts"/>, rounded to two decimals; 0 when empty.</summary>
    public static double Score(IEnumerable<(EventType Type, int Count)> counts)
    {
        double sum = 0;
        long n = 0;
        foreach (var (type, count) in counts)
        {
            sum += Weights[type] * count;
            n += count;
        }

        return n == 0 ? 0 : Math.Round(sum / n, 2);
    }
}
