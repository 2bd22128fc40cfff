using System.Globalization;
using System.Text.RegularExpressions;

namespace Readout.Cli.Tests;

/// <summary>The figures of the summary line `ingest` prints on standard output.</summary>
internal sealed partial record Summary(int Read, int Stored, int Replaced, int Unchanged, int Skipped, int Events)
{
    public static Summary Parse(string stdout)
    {
        var m = LineRegex().Match(stdout);
        Assert.True(m.Success, "no summary line in:\n" + stdout);
        int N(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new Summary(N("read"), N("stored"), N("replaced"), N("unchanged"), N("skipped"), N("events"));
    }

    [GeneratedRegex(@"Articles read: (?<read>\d+), stored: (?<stored>\d+), replaced: (?<replaced>\d+), unchanged: (?<unchanged>\d+), skipped: (?<skipped>\d+); events: (?<events>\d+);")]
    private static partial Regex LineRegex();
}
