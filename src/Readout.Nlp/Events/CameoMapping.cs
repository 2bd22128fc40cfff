using System.Collections.Frozen;
using Readout.Core.Layers;

namespace Readout.Nlp.Events;

/// <summary>One CAMEO code read as PLOVER.</summary>
/// <param name="Type">Null where PLOVER drops the category (public statements).</param>
/// <param name="Note">What the code covers; starts with "departs:" where Readout differs from the 2021 table.</param>
public sealed record CameoReading(string Code, EventType? Type, string? Mode, string? Context, string Note)
{
    /// <summary>True where Readout deliberately differs from the 2021 CAMEO-to-PLOVER table.</summary>
    public bool Departs => Note.StartsWith("departs:", StringComparison.Ordinal);
}

/// <summary>
/// Readout's CAMEO → PLOVER table (data/ontology/cameo-plover.tsv). Immutable and thread-safe.
/// </summary>
public sealed class CameoMapping
{
    /// <summary>Path of the repository file, relative to the data root.</summary>
    public const string File = "data/ontology/cameo-plover.tsv";

    private readonly FrozenDictionary<string, CameoReading> _codes;

    private CameoMapping(Dictionary<string, CameoReading> codes) => _codes = codes.ToFrozenDictionary(StringComparer.Ordinal);

    public IEnumerable<CameoReading> Readings => _codes.Values.OrderBy(r => r.Code, StringComparer.Ordinal);

    /// <summary>The reading of a code, falling back to its 3-digit parent ("0871" → "087"); false for unknown codes.</summary>
    public bool TryGet(string code, out CameoReading reading)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _codes.TryGetValue(code, out reading!) || code.Length == 4 && _codes.TryGetValue(code[..3], out reading!);
    }

    public static CameoMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromLines(System.IO.File.ReadLines(path), Path.GetFileName(path));
    }

    /// <exception cref="FormatException">A malformed line, an unknown type, or a code listed twice; the message names the line.</exception>
    public static CameoMapping FromLines(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var codes = new Dictionary<string, CameoReading>(StringComparer.Ordinal);
        foreach (var (where, cols) in DataLines.Read(lines, name))
        {
            if (cols.Length != 5 || cols[0].Length is < 2 or > 4 || !cols[0].All(char.IsAsciiDigit))
            {
                throw new FormatException($"{where}: expected a 2- to 4-digit CAMEO code and 4 more tab-separated columns (type, mode, context, note).");
            }

            EventType? type = cols[1] == "-" ? null : PloverOntology.ParseType(cols[1], where);
            if (!codes.TryAdd(cols[0], new CameoReading(cols[0], type, DataLines.Dash(cols[2]), DataLines.Dash(cols[3]), cols[4])))
            {
                throw new FormatException($"{where}: CAMEO code {cols[0]} is listed twice.");
            }
        }

        return new CameoMapping(codes);
    }
}
