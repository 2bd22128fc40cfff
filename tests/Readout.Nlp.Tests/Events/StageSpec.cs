using System.Globalization;

namespace Readout.Nlp.Tests.Events;

/// <summary>
/// Reads the entity/actor and event spec files. A case is a "> text" line (one or more sentences)
/// followed by its expected output lines; "@ yyyy-MM-dd [source]" sets the publication date and
/// optional source of the cases below; "#" lines are comments; a blank line ends a case.
/// </summary>
internal static class StageSpec
{
    public static TheoryData<string, int> Cases(string relativePath)
    {
        var data = new TheoryData<string, int>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relativePath));
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("> ", StringComparison.Ordinal))
            {
                data.Add(relativePath, i + 1);
            }
        }

        return data;
    }

    /// <summary>The case whose "> " line is <paramref name="line"/> (1-based), with the settings above it.</summary>
    public static (string Text, DateOnly? Published, string? Source, List<string> Expected) Read(string relativePath, int line)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relativePath));
        DateOnly? published = null;
        string? source = null;
        for (int i = 0; i < line - 1; i++)
        {
            if (lines[i].StartsWith("@ ", StringComparison.Ordinal))
            {
                var parts = lines[i][2..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                published = parts[0] == "none" ? null : DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                source = parts.Length > 1 ? parts[1] : null;
            }
        }

        var expected = new List<string>();
        for (int i = line; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (!lines[i].StartsWith('#'))
            {
                expected.Add(lines[i].Trim());
            }
        }

        return (lines[line - 1][2..], published, source, expected);
    }
}
