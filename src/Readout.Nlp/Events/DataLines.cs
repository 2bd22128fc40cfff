namespace Readout.Nlp.Events;

/// <summary>
/// The lines of the lexicon and ontology files: tab-separated, no header, blank lines and lines starting
/// with <c>#</c> skipped. Each data line comes with its place ("file:line") for error messages.
/// </summary>
internal static class DataLines
{
    public static IEnumerable<(string Where, string[] Cols)> Read(IEnumerable<string> lines, string name)
    {
        int lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            if (raw.Length == 0 || raw[0] == '#')
            {
                continue;
            }

            yield return ($"{name}:{lineNo}", raw.Split('\t'));
        }
    }

    /// <summary>A column's value, or null for "-" (none).</summary>
    public static string? Dash(string column) => column == "-" ? null : column;
}
