using System.Text;
using Readout.Nlp.Boilerplate;

namespace Readout.Nlp.Tests.Boilerplate;

public class BoilerplateSpecTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in SpecFile.Load())
        {
            data.Add(example.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Detect_SpecExample_MatchesExpected(string name)
    {
        var example = SpecFile.Load().Single(e => e.Name == name);

        var found = BoilerplateDetector.Detect(example.Input);

        Assert.Equal(example.Expected, Render(example.Input, found));
    }

    private static string Render(string text, BoilerplateFindings found)
    {
        var sb = new StringBuilder();
        foreach (var r in found.Regions)
        {
            sb.Append($"{r.Kind} | {text.Substring(r.Span.Start, r.Span.Length).Replace("\n", "\\n", StringComparison.Ordinal)} | {r.Value}".TrimEnd()).Append('\n');
        }

        if (found.Byline is not null)
        {
            sb.Append($"byline: {found.Byline}\n");
        }

        if (found.Dateline is not null)
        {
            sb.Append($"dateline: {found.Dateline}\n");
        }

        if (found.Agency is not null)
        {
            sb.Append($"agency: {found.Agency}\n");
        }

        return sb.Length == 0 ? "(none)" : sb.ToString().TrimEnd('\n');
    }

    private sealed record Example(string Name, string Input, string Expected);

    /// <summary>Reads boilerplate.spec.md from the source tree (no copy to the output folder to keep in sync).</summary>
    private static class SpecFile
    {
        public static List<Example> Load()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Readout.slnx")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            var lines = File.ReadAllLines(Path.Combine(dir.FullName, "tests", "Readout.Nlp.Tests", "Boilerplate", "boilerplate.spec.md"));
            var examples = new List<Example>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("## ", StringComparison.Ordinal))
                {
                    continue;
                }

                string name = lines[i][3..].Trim();
                int open = Array.IndexOf(lines, "<<<", i);
                int close = Array.IndexOf(lines, ">>>", open);
                int next = Array.FindIndex(lines, close, l => l.StartsWith("## ", StringComparison.Ordinal));
                if (next < 0)
                {
                    next = lines.Length;
                }

                string input = string.Join('\n', lines[(open + 1)..close]);
                string expected = string.Join('\n', lines[(close + 1)..next].Where(l => l.Trim().Length > 0).Select(l => l.TrimEnd()));
                examples.Add(new Example(name, input, expected));
                i = next - 1;
            }

            return examples;
        }
    }
}
