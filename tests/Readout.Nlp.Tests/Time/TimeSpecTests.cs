using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Readout.Core.Layers;
using Readout.Nlp.Time;

namespace Readout.Nlp.Tests.Time;

/// <summary>
/// Runs the .spec files in Time/Specs. A spec line is a text with its expected expressions marked
/// inline as <c>[text]{TYPE VALUE MOD?}</c>; the recognizer must find exactly those, nothing more.
/// <c>@ref yyyy-MM-dd</c> (or <c>@ref none</c>) sets the publication date of the lines below; each line
/// is read with a fresh context, so anaphora resolve within the line.
/// </summary>
public sealed partial class TimeSpecTests
{
    private static readonly TimeExpressionRecognizer Recognizer = new();

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Time", "Specs"), "*.spec").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (IsCase(lines[i]))
                {
                    data.Add(Path.GetFileName(file), i + 1);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_SpecLine_FindsExactlyTheMarkedExpressions(string file, int line)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Time", "Specs", file));
        DateOnly? reference = null;
        for (int i = 0; i < line - 1; i++)
        {
            if (lines[i].StartsWith("@ref ", StringComparison.Ordinal))
            {
                var v = lines[i][5..].Trim();
                reference = v == "none" ? null : DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        var (text, expected) = ParseLine(lines[line - 1]);
        var found = Recognizer.Find(text, new TimeContext(reference))
            .Select(m => Describe(text[m.Span.Start..m.Span.End], m.Type, m.Value, m.Mod))
            .ToList();
        Assert.Equal(expected, found);
    }

    private static bool IsCase(string line) => line.Length > 0 && line[0] != '#' && line[0] != '@' && !string.IsNullOrWhiteSpace(line);

    private static (string Text, List<string> Expected) ParseLine(string line)
    {
        var text = new StringBuilder();
        var expected = new List<string>();
        int last = 0;
        foreach (Match m in Annotation().Matches(line))
        {
            text.Append(line, last, m.Index - last);
            text.Append(m.Groups["text"].Value);
            var parts = m.Groups["attrs"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = Enum.Parse<TimexType>(parts[0], ignoreCase: true);
            expected.Add(Describe(m.Groups["text"].Value, type, parts[1], parts.Length > 2 ? parts[2] : null));
            last = m.Index + m.Length;
        }

        text.Append(line, last, line.Length - last);
        return (text.ToString(), expected);
    }

    private static string Describe(string text, TimexType type, string value, string? mod) =>
        mod is null ? $"[{text}] {type.ToString().ToUpperInvariant()} {value}" : $"[{text}] {type.ToString().ToUpperInvariant()} {value} {mod}";

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\{(?<attrs>[^}]+)\}")]
    private static partial Regex Annotation();
}
