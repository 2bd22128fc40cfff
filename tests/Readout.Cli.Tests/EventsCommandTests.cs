using System.Text.Json;

namespace Readout.Cli.Tests;

/// <summary>`readout events` over the ingested samples: every filter against the unfiltered list, JSON Lines, CSV, usage errors.</summary>
public sealed class EventsCommandTests(SampleStore samples) : IClassFixture<SampleStore>
{
    [Fact]
    public async Task Events_FormatJson_EachLineParsesWithFieldsAndSpansIntoTheArticle()
    {
        var events = await QueryAsync();
        Assert.Equal(Store.Scalar(samples.Db, "SELECT count(*) FROM events"), events.Count);
        using var c = Store.Open(samples.Db);
        foreach (var e in events)
        {
            Assert.True(e.GetProperty("event_id").GetInt64() > 0);
            long article = e.GetProperty("article_id").GetInt64();
            string sentence = e.GetProperty("sentence").GetString()!;
            Assert.NotEmpty(sentence);
            var ev = e.GetProperty("event");
            foreach (var field in (string[])["id", "type", "cameo", "modality", "date_precision", "rule"])
            {
                Assert.False(string.IsNullOrEmpty(ev.GetProperty(field).GetString()), $"event.{field} in {e}");
            }

            Assert.True(ev.GetProperty("confidence").GetDouble() is > 0 and <= 1);
            string text = Store.Column(c, $"SELECT text FROM articles WHERE id = {article}").Single();
            var evidence = ev.GetProperty("evidence");
            int start = evidence.GetProperty("start").GetInt32(), end = evidence.GetProperty("end").GetInt32();
            int ts = evidence.GetProperty("trigger_start").GetInt32(), te = evidence.GetProperty("trigger_end").GetInt32();
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Assert.True(start <= ts && ts < te && te <= end, $"trigger [{ts},{te}) outside evidence [{start},{end}) in {e}");
            Assert.Contains(text[start..end].Trim(), sentence);
            foreach (var role in (string[])["source", "target", "attribution"])
            {
                if (ev.GetProperty(role) is { ValueKind: JsonValueKind.Object } arg)
                {
                    int a = arg.GetProperty("start").GetInt32(), b = arg.GetProperty("end").GetInt32();
                    Assert.Equal(arg.GetProperty("text").GetString(), text[a..b]);
                }
            }
        }
    }

    [Theory]
    [InlineData("JPN,IDN")]
    [InlineData("idn, jpn")]
    public async Task Events_Dyad_ReturnsExactlyTheEventsBetweenBothCountriesEitherWay(string dyad)
    {
        var all = await QueryAsync();
        var filtered = await QueryAsync("--dyad", dyad);
        var expected = Ids(all.Where(e => (Country(e, "source"), Country(e, "target")) is ("JPN", "IDN") or ("IDN", "JPN")));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(filtered));
    }

    [Fact]
    public async Task Events_Country_ReturnsExactlyTheEventsWithThatCountryOnEitherSide()
    {
        var all = await QueryAsync();
        var expected = Ids(all.Where(e => Country(e, "source") == "CHN" || Country(e, "target") == "CHN"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(await QueryAsync("--country", "CHN")));
    }

    [Fact]
    public async Task Events_Type_ReturnsExactlyTheEventsOfThatType()
    {
        var all = await QueryAsync();
        var expected = Ids(all.Where(e => e.GetProperty("event").GetProperty("type").GetString() == "CONSULT"));
        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count, expected.Count);
        Assert.Equal(expected, Ids(await QueryAsync("--type", "consult")));
    }

    [Fact]
    public async Task Events_Modality_ReturnsExactlyTheEventsWithThatModality()
    {
        var all = await QueryAsync();
        var expected = Ids(all.Where(e => e.GetProperty("event").GetProperty("modality").GetString() == "planned"));
        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count, expected.Count);
        Assert.Equal(expected, Ids(await QueryAsync("--modality", "Planned")));
    }

    [Fact]
    public async Task Events_PloverStrict_PlannedConsultationsBecomeAgreeAndTheTypeFilterSeesThem()
    {
        var all = await QueryAsync();
        static string Field(JsonElement e, string name) => e.GetProperty("event").GetProperty(name).GetString()!;
        var planned = all.Where(e => Field(e, "type") is "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" && Field(e, "modality") is "planned" or "intended").ToList();
        Assert.NotEmpty(planned);

        var strict = await QueryAsync("--plover-strict");
        Assert.Equal(Ids(all), Ids(strict));
        var rewritten = strict.Where(e => Ids(planned).Contains(e.GetProperty("event_id").GetInt64())).ToList();
        Assert.All(rewritten, e => Assert.Equal(("AGREE", "asserted"), (Field(e, "type"), Field(e, "modality"))));
        Assert.All(rewritten, e => Assert.Contains("plover-strict", Field(e, "rule"), StringComparison.Ordinal));
        Assert.DoesNotContain(strict, e => Field(e, "type") is "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" && Field(e, "modality") is "planned" or "intended");

        var agree = await QueryAsync("--plover-strict", "--type", "agree");
        Assert.Equal(Ids(strict.Where(e => Field(e, "type") == "AGREE")), Ids(agree));
        Assert.True(Ids(planned).All(Ids(agree).Contains));
    }

    [Fact]
    public async Task Events_FromTo_ReturnsExactlyTheEventsStartingInTheRange()
    {
        // The store's first day of each event's date (a month counts as its first day; undated rows are null).
        var expected = Store.Column(samples.Db, "SELECT id FROM events WHERE date_start BETWEEN '2023-11-01' AND '2023-12-31'")
            .Select(long.Parse).Order().ToList();
        Assert.NotEmpty(expected);
        var filtered = await QueryAsync("--from", "2023-11-01", "--to", "2023-12-31");
        Assert.Equal(expected, Ids(filtered));
        Assert.All(filtered, e => Assert.StartsWith("2023-1", e.GetProperty("event").GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Events_FormatCsv_HeaderThenOneQuotedRowPerEvent()
    {
        var json = (await QueryAsync()).ToDictionary(e => e.GetProperty("event_id").GetInt64().ToString(), e => e);
        var run = await ReadoutCli.RunAsync(samples.WorkingDirectory, "events", "--db", samples.Db, "--limit", "1000", "--format", "csv");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        var records = Csv.Parse(run.Stdout);
        var header = records[0];
        Assert.Equal("event_id", header[0]);
        int sentence = header.IndexOf("sentence"), type = header.IndexOf("type"), rule = header.IndexOf("rule");
        Assert.True(sentence >= 0 && type >= 0 && rule >= 0, string.Join(',', header));
        Assert.Equal(json.Count, records.Count - 1);
        foreach (var row in records.Skip(1))
        {
            Assert.Equal(header.Count, row.Count);
            var e = json[row[0]];
            Assert.Equal(e.GetProperty("sentence").GetString(), row[sentence]);
            Assert.Equal(e.GetProperty("event").GetProperty("type").GetString(), row[type]);
            Assert.Equal(e.GetProperty("event").GetProperty("rule").GetString(), row[rule]);
        }

        // The samples hold sentences with commas and with quotation marks: both need RFC 4180 quoting.
        Assert.Contains(json.Values, e => e.GetProperty("sentence").GetString()!.Contains('"'));
        Assert.Contains("\"\"", run.Stdout);
    }

    [Theory]
    [InlineData("--dyad", "JP", "--dyad 'JP'")]
    [InlineData("--type", "FOO", "--type 'FOO'")]
    [InlineData("--from", "2020-13-01", "--from '2020-13-01'")]
    [InlineData("--modality", "certain", "--modality 'certain'")]
    public async Task Events_BadFilter_ExitsTwoNamingTheFlagAndValue(string flag, string value, string message)
    {
        var run = await ReadoutCli.RunAsync(samples.WorkingDirectory, "events", "--db", samples.Db, flag, value);
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(message, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Events_MissingStore_ExitsTwoWithoutCreatingIt()
    {
        using var folder = new TempFolder();
        var db = folder.File("missing.db");
        var run = await ReadoutCli.RunAsync(folder.Path, "events", "--db", db);
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(db, run.Stderr);
        Assert.False(File.Exists(db));
    }

    private async Task<List<JsonElement>> QueryAsync(params string[] filters)
    {
        var run = await ReadoutCli.RunAsync(samples.WorkingDirectory, ["events", "--db", samples.Db, "--limit", "1000", "--format", "json", .. filters]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    private static List<long> Ids(IEnumerable<JsonElement> events) => events.Select(e => e.GetProperty("event_id").GetInt64()).Order().ToList();

    private static string? Country(JsonElement e, string role) =>
        e.GetProperty("event").GetProperty(role) is { ValueKind: JsonValueKind.Object } arg ? arg.GetProperty("country").GetString() : null;
}
