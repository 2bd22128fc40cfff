using System.Globalization;

namespace Readout.Nlp.Knowledge;

/// <summary>One data line of a knowledge-base TSV file, with its position for error messages.</summary>
internal readonly struct TsvRow
{
    private readonly string[] _cells;
    private readonly IReadOnlyDictionary<string, int> _columns;

    public TsvRow(string path, int line, string[] cells, IReadOnlyDictionary<string, int> columns)
    {
        Path = path;
        Line = line;
        _cells = cells;
        _columns = columns;
    }

    public string Path { get; }

    public int Line { get; }

    /// <summary>The trimmed cell, or empty when the line stops before the column.</summary>
    public string Get(string column)
    {
        var i = _columns[column];
        return i < _cells.Length ? _cells[i].Trim() : string.Empty;
    }

    public string Required(string column)
    {
        var value = Get(column);
        return value.Length > 0 ? value : throw Error($"column '{column}' is empty");
    }

    /// <summary>The cell or null when it is empty or <c>-</c>.</summary>
    public string? Optional(string column)
    {
        var value = Get(column);
        return value.Length == 0 || value == "-" ? null : value;
    }

    public IReadOnlyList<string> List(string column)
    {
        var value = Get(column);
        if (value.Length == 0 || value == "-")
        {
            return [];
        }

        var items = new List<string>();
        foreach (var part in value.Split('|'))
        {
            var item = part.Trim();
            if (item.Length > 0 && !items.Contains(item, StringComparer.Ordinal))
            {
                items.Add(item);
            }
        }

        return items.ToArray();
    }

    public int Int(string column, int min, int max)
    {
        var text = Required(column);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error($"column '{column}': '{text}' is not an integer in [{min}, {max}]");
    }

    public long Long(string column)
    {
        var text = Get(column);
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw Error($"column '{column}': '{text}' is not a non-negative integer");
    }

    public double Double(string column, double min, double max)
    {
        var text = Required(column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error($"column '{column}': '{text}' is not a number in [{min}, {max}]");
    }

    public DateOnly? Date(string column, bool required)
    {
        var text = required ? Required(column) : Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Error($"column '{column}': '{text}' is not a yyyy-MM-dd date");
    }

    public KnowledgeBaseFormatException Error(string message) => new(Path, Line, message);
}
