using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Core.Layers;

namespace Readout.Nlp.Tests.Events;

/// <summary>Counts how coded events' sources and targets were found (the "source(nsubj) target(linear)" part of the rule), for the evaluation printouts.</summary>
internal sealed partial class RouteTally
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(CodedEvent e)
    {
        foreach (Match m in Route().Matches(e.Rule ?? string.Empty))
        {
            string key = m.Groups[2].Value == "linear" ? "linear" : "parse";
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            _counts[m.Groups[2].Value] = _counts.GetValueOrDefault(m.Groups[2].Value) + 1;
        }
    }

    public override string ToString()
    {
        int parse = _counts.GetValueOrDefault("parse"), linear = _counts.GetValueOrDefault("linear");
        var detail = _counts.Where(p => p.Key is not ("parse" or "linear")).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}");
        return string.Create(CultureInfo.InvariantCulture,
            $"arguments by route: parse {parse}, linear {linear} ({(parse + linear == 0 ? 0 : 100.0 * parse / (parse + linear)):0.0}% from the parse; {string.Join(", ", detail)})");
    }

    [GeneratedRegex(@"\b(source|target)\(([^)]+)\)")]
    private static partial Regex Route();
}
