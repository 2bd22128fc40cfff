namespace Readout.Nlp.Tests;

/// <summary>Reads Markdig-style spec files: "> input" lines followed by expected-output lines, blocks separated by blank lines.</summary>
internal static class SpecFile
{
    public static TheoryData<string, string> Pairs(string relativePath)
    {
        var data = new TheoryData<string, string>();
        string? input = null;
        var expected = new List<string>();
        foreach (var raw in File.ReadLines(Path.Combine(AppContext.BaseDirectory, relativePath)).Append(string.Empty))
        {
            if (raw.StartsWith('#'))
            {
                continue;
            }

            if (raw.StartsWith("> ", StringComparison.Ordinal))
            {
                input = raw[2..];
                expected.Clear();
            }
            else if (raw.Length == 0)
            {
                if (input is not null)
                {
                    data.Add(input, string.Join("\n", expected));
                }

                input = null;
            }
            else
            {
                expected.Add(raw);
            }
        }

        return data;
    }
}
