using System.Collections.Frozen;
using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>
/// The PLOVER ontology as data (data/ontology/plover.tsv): the 16 types with their quad category and
/// description, the modes each type allows and the contexts any event may carry. Immutable and thread-safe.
/// </summary>
public sealed class PloverOntology
{
    /// <summary>Path of the repository file, relative to the data root.</summary>
    public const string File = "data/ontology/plover.tsv";

    private readonly FrozenDictionary<EventType, (string Quad, string Description)> _types;
    private readonly FrozenDictionary<(EventType Type, string Name), string> _modes;
    private readonly FrozenDictionary<string, string> _contexts;

    private PloverOntology(
        Dictionary<EventType, (string, string)> types, Dictionary<(EventType, string), string> modes, Dictionary<string, string> contexts)
    {
        _types = types.ToFrozenDictionary();
        _modes = modes.ToFrozenDictionary();
        _contexts = contexts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The types described, in file order of the enum.</summary>
    public IEnumerable<EventType> Types => _types.Keys.Order();

    /// <summary>All context names.</summary>
    public IEnumerable<string> Contexts => _contexts.Keys.Order(StringComparer.Ordinal);

    /// <summary>The quad category of a type ("verbal-cooperation" …).</summary>
    public string Quad(EventType type) => _types[type].Quad;

    public string Describe(EventType type) => _types[type].Description;

    /// <summary>The modes a type allows, in ordinal order; empty for types without modes.</summary>
    public IReadOnlyList<string> Modes(EventType type) => [.. _modes.Keys.Where(k => k.Type == type).Select(k => k.Name).Order(StringComparer.Ordinal)];

    public bool IsMode(EventType type, string mode) => _modes.ContainsKey((type, mode));

    public bool IsContext(string context) => _contexts.ContainsKey(context);

    /// <summary>The description of a mode of a type, or null when the type has no such mode.</summary>
    public string? DescribeMode(EventType type, string mode) => _modes.GetValueOrDefault((type, mode));

    public static PloverOntology Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromLines(System.IO.File.ReadLines(path), Path.GetFileName(path));
    }

    /// <exception cref="FormatException">A malformed line, an unknown type, a duplicate, or a type left out; the message names the line.</exception>
    public static PloverOntology FromLines(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var types = new Dictionary<EventType, (string, string)>();
        var modes = new Dictionary<(EventType, string), string>();
        var contexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, cols) in DataLines.Read(lines, name))
        {
            if (cols.Length != 4 || cols.Any(c => c.Length == 0))
            {
                throw new FormatException($"{where}: expected 4 non-empty tab-separated columns (kind, type, name, description).");
            }

            bool added = cols[0] switch
            {
                "type" => types.TryAdd(ParseType(cols[1], where), (cols[2], cols[3])),
                "mode" => modes.TryAdd((ParseType(cols[1], where), cols[2]), cols[3]),
                "context" when cols[1] == "*" => contexts.TryAdd(cols[2], cols[3]),
                "context" => throw new FormatException($"{where}: a context belongs to every type: write '*' in the type column."),
                _ => throw new FormatException($"{where}: kind must be type, mode or context, not '{cols[0]}'."),
            };
            if (!added)
            {
                throw new FormatException($"{where}: {cols[0]} '{cols[2]}' is listed twice.");
            }
        }

        var missing = Enum.GetValues<EventType>().Where(t => !types.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{name}: no 'type' line for {string.Join(", ", missing)}.");
        }

        return new PloverOntology(types, modes, contexts);
    }

    /// <summary>"CONSULT" → <see cref="EventType.Consult"/>; numbers and unknown names are errors.</summary>
    internal static EventType ParseType(string text, string where) =>
        Enum.TryParse<EventType>(text, ignoreCase: true, out var type) && !int.TryParse(text, out _)
            ? type
            : throw new FormatException($"{where}: unknown PLOVER type '{text}'.");
}
