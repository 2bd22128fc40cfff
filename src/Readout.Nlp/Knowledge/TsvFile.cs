namespace Readout.Nlp.Knowledge;

/// <summary>
/// Reads the knowledge base's TSV format: UTF-8, blank lines and lines starting with <c>#</c> ignored, the first
/// other line is the header. A data line may stop before its last columns (they read as empty) but may not have
/// more cells than the header.
/// </summary>
internal static class TsvFile
{
    public static IEnumerable<TsvRow> Read(string path, params string[] requiredColumns)
    {
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || line.All(char.IsWhiteSpace))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < cells.Length; i++)
                {
                    if (!columns.TryAdd(cells[i].Trim(), i))
                    {
                        throw new KnowledgeBaseFormatException(path, lineNumber, $"duplicate column '{cells[i].Trim()}' in header");
                    }
                }

                foreach (var required in requiredColumns)
                {
                    if (!columns.ContainsKey(required))
                    {
                        throw new KnowledgeBaseFormatException(
                            path, lineNumber, $"header lacks column '{required}' (expected: {string.Join(", ", requiredColumns)})");
                    }
                }

                continue;
            }

            if (cells.Length > columns.Count)
            {
                throw new KnowledgeBaseFormatException(
                    path, lineNumber, $"{cells.Length} tab-separated cells but the header has {columns.Count} columns");
            }

            yield return new TsvRow(path, lineNumber, cells, columns);
        }
    }
}
