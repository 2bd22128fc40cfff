using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Readout.Web.Tests;

[Collection(ServerGroup.Name)]
public sealed class BrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Opens a view and waits until it has rendered (the app bumps body[data-renders]).</summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, Uri baseAddress, string hash, string view)
    {
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(baseAddress, "/#/" + hash).ToString());
        await page.WaitForSelectorAsync($"body[data-ready='{view}']");
        Assert.Empty(errors);
        return page;
    }

    /// <summary>Runs an action that re-renders the view and waits for that render to finish.</summary>
    private static async Task RerenderAsync(IPage page, Func<Task> action)
    {
        int before = await page.EvaluateAsync<int>("() => Number(document.body.dataset.renders || 0)");
        await action();
        await page.WaitForFunctionAsync($"() => Number(document.body.dataset.renders || 0) > {before}");
    }

    private static Task<byte[]> ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = false });

    [Theory]
    [InlineData("", "home", "h1")]
    [InlineData("dyad", "dyad", ".chart svg rect")]
    [InlineData("network", "network", ".network svg .node")]
    [InlineData("map", "map", ".map svg .cluster")]
    [InlineData("events", "events", "table.events tbody tr")]
    [InlineData("search?q=drills", "search", ".hits mark")]
    public async Task View_Loads_ShowsItsContentWithoutErrors(string hash, string view, string selector)
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, hash, view);
        Assert.Equal(0, await page.Locator(".error").CountAsync());
        Assert.True(await page.Locator(selector).CountAsync() > 0, $"{view}: nothing matches {selector}");
        await ScreenshotAsync(page, "view-" + view);
        await page.CloseAsync();
    }

    [Fact]
    public async Task DyadPicker_ChoosePair_ShowsOnlyThatPairsTimelineAndEvents()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "dyad", "dyad");
        await page.SelectOptionAsync("#dyad-a", "VNM");
        await page.SelectOptionAsync("#dyad-b", "JPN");
        await page.SelectOptionAsync("#dyad-bucket", "day");
        await RerenderAsync(page, () => page.ClickAsync("form[aria-label='Dyad'] button[type=submit]"));
        Assert.Equal("VNM – JPN", await page.TextContentAsync("h1"));
        Assert.True(await page.Locator(".chart svg rect").CountAsync() > 0);
        var rows = await page.Locator("table.events tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.Contains("(JPN)", StringComparison.Ordinal) && r.Contains("(VNM)", StringComparison.Ordinal), r));
        await ScreenshotAsync(page, "dyad-vnm-jpn");
        await page.CloseAsync();
    }

    [Fact]
    public async Task DyadTimeline_DragAcrossBars_ZoomsToThosePeriodsAndResets()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "dyad?a=JPN&b=VNM&bucket=month", "dyad");
        var box = (await page.Locator(".chart svg").BoundingBoxAsync())!;
        float y = box.Y + (box.Height * 0.5f);

        // From the first bar (the plot starts 44 of 960 units in) to the middle of the chart.
        await RerenderAsync(page, async () =>
        {
            await page.Mouse.MoveAsync(box.X + (box.Width * 46 / 960), y);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), y, new MouseMoveOptions { Steps = 5 });
            await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), y, new MouseMoveOptions { Steps = 5 });
            await page.Mouse.UpAsync();
        });

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Fragment.Split('?', 2)[1]);
        string from = query["from"]!, to = query["to"]!;
        Assert.True(string.CompareOrdinal(from, to) < 0, $"{from} .. {to}");
        Assert.Equal(from, await page.InputValueAsync("#dyad-from"));
        var dates = await page.Locator("table.events tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(d, from, to));

        await RerenderAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Reset zoom" }).ClickAsync());
        Assert.DoesNotContain("from=", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("table.events tbody tr").CountAsync() >= dates.Count);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Network_DragNodeAndArrowKeys_MoveItWithItsLinksWithoutOpeningIt()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "network", "network");
        var node = page.Locator(".network svg .node").First;
        var circle = node.Locator("circle");
        async Task<(double X, double Y)> CenterAsync() => (
            double.Parse((await circle.GetAttributeAsync("cx"))!, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse((await circle.GetAttributeAsync("cy"))!, System.Globalization.CultureInfo.InvariantCulture));
        var start = await CenterAsync();
        var box = (await circle.BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width / 2) - 60, box.Y + (box.Height / 2) + 40, new MouseMoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
        var dragged = await CenterAsync();
        Assert.True(dragged.X < start.X - 20 && dragged.Y > start.Y + 10, $"{start} -> {dragged}");
        Assert.Contains("#/network", page.Url, StringComparison.Ordinal);

        // Every line ending at the node follows it.
        string moved = "() => { const c = document.querySelector('.network svg .node circle'); const x = c.getAttribute('cx'), y = c.getAttribute('cy');"
            + " return [...document.querySelectorAll('.network svg line')].filter(l => (l.getAttribute('x1') === x && l.getAttribute('y1') === y) || (l.getAttribute('x2') === x && l.getAttribute('y2') === y)).length; }";
        Assert.True(await page.EvaluateAsync<int>(moved) > 0);

        await node.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        var keyed = await CenterAsync();
        Assert.Equal(dragged.X + 20, keyed.X, 3);
        Assert.Equal(dragged.Y, keyed.Y, 3);
        Assert.Contains("#/network", page.Url, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Map_PanButtonsAndDrag_MoveTheViewKeptInTheUrl_ClusterClickStillOpensEvents()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "map", "map");
        async Task<double[]> ViewBoxAsync() =>
            [.. (await page.GetAttributeAsync(".map svg", "viewBox"))!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        var world = await ViewBoxAsync();
        double w = world[2], hgt = world[3];

        await RerenderAsync(page, () => page.GotoAsync(new Uri(server.BaseAddress, $"/#/map?zoom=4&x={Math.Round(w / 2)}&y={Math.Round(hgt / 2)}").ToString()));
        var centred = await ViewBoxAsync();
        Assert.Equal(Math.Round(w / 2) - (w / 8), centred[0], 0);

        await RerenderAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Pan right" }).ClickAsync());
        var right = await ViewBoxAsync();
        Assert.Equal(centred[0] + (w / 16), right[0], 0);
        Assert.Equal(centred[1], right[1], 0);

        // Dragging the map 100 px to the left shows what lies further right.
        var box = (await page.Locator(".map svg").BoundingBoxAsync())!;
        await RerenderAsync(page, async () =>
        {
            await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + 20);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + (box.Width / 2) - 100, box.Y + 20, new MouseMoveOptions { Steps = 5 });
            await page.Mouse.UpAsync();
        });
        var dragged = await ViewBoxAsync();
        Assert.Equal(right[0] + (100 * right[2] / box.Width), dragged[0], 0);
        Assert.Contains("zoom=4", page.Url, StringComparison.Ordinal);

        await RerenderAsync(page, () => page.GotoAsync(new Uri(server.BaseAddress, "/#/map").ToString()));
        await RerenderAsync(page, () => page.Locator(".map svg .cluster").First.ClickAsync());
        Assert.Equal("events", await page.GetAttributeAsync("body", "data-ready"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task EventFilters_TypeAndCountry_OnlyMatchingRows()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "events", "events");
        await page.FillAsync("input[name=country]", "jpn");
        await page.SelectOptionAsync("select[name=type]", "consult");
        await RerenderAsync(page, () => page.Keyboard.PressAsync("Enter"));
        var types = await page.Locator("table.events tbody .type").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("CONSULT", t));
        Assert.All(await page.Locator("table.events tbody tr").AllInnerTextsAsync(), r => Assert.Contains("(JPN)", r, StringComparison.Ordinal));
        Assert.Contains("type=consult", page.Url, StringComparison.Ordinal);

        await RerenderAsync(page, () => page.ClickAsync("form.filters button[type=reset]"));
        Assert.True(await page.Locator("table.events tbody tr").CountAsync() > types.Count);
        await page.CloseAsync();
    }

    [Fact]
    public async Task EventTable_SortByColumn_KeyboardTogglesAscendingDescendingAndDateOrder()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "events", "events");
        var dates = await page.Locator("table.events tbody tr td:first-child").AllInnerTextsAsync();
        var typeHead = page.Locator("table.events th", new PageLocatorOptions { HasText = "Type" });
        var sortType = typeHead.Locator("button.sort");

        await sortType.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var up = await page.Locator("table.events tbody .type").AllInnerTextsAsync();
        Assert.Equal("ascending", await typeHead.GetAttributeAsync("aria-sort"));
        Assert.Equal(up.Order(StringComparer.Ordinal), up);
        Assert.NotEqual(up[0], up[^1]);

        await page.Keyboard.PressAsync("Enter");
        var down = await page.Locator("table.events tbody .type").AllInnerTextsAsync();
        Assert.Equal(up.Order(StringComparer.Ordinal).Reverse(), down);

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(dates, await page.Locator("table.events tbody tr td:first-child").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("table.events th[aria-sort='ascending'], table.events th[aria-sort='descending']").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task LiveRefresh_ArticlePostedWhileOpen_OffersRefreshShowingTheNewEvents()
    {
        var page = await browser.Context.NewPageAsync();
        await page.Clock.InstallAsync(); // the poll's timer runs on a fake clock the test moves on
        await page.GotoAsync(new Uri(server.Writer.BaseAddress!, "/#/").ToString());
        await page.WaitForSelectorAsync("body[data-ready='home']");
        long before = long.Parse(await page.Locator(".stat").First.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        await page.Clock.RunForAsync(16_000);
        Assert.Equal(0, await page.Locator("#live button").CountAsync());

        string body = $$"""
            {"id":"live-{{Guid.NewGuid():N}}","source":"Test Wire","published":"2024-06-05T08:00:00Z",
             "text":"HANOI (Test Wire) - Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister Fumio Kishida in Hanoi on Wednesday to discuss trade."}
            """;
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(body, Encoding.UTF8, "application/json"));
        using var response = await server.Writer.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        int added = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["articles"]![0]!["events"]!.GetValue<int>();
        Assert.True(added > 0);

        await page.Clock.RunForAsync(16_000);
        var refresh = page.Locator("#live button");
        await refresh.WaitForAsync();
        Assert.Contains($"{added} new event", await page.Locator("#live").InnerTextAsync(), StringComparison.Ordinal);
        await refresh.FocusAsync();
        await RerenderAsync(page, () => page.Keyboard.PressAsync("Enter"));
        long after = long.Parse(await page.Locator(".stat").First.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before + added, after);
        await page.WaitForFunctionAsync("() => document.getElementById('live').childElementCount === 0");
        await page.CloseAsync();
    }

    [Fact]
    public async Task EventRow_Click_OpensArticleWithItsEvidenceHighlighted()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "events?type=assault", "events");
        var link = page.Locator("table.events tbody tr a[data-event]").First;
        long id = long.Parse((await link.GetAttributeAsync("data-event"))!);
        await RerenderAsync(page, () => link.ClickAsync());
        Assert.Equal("article", await page.GetAttributeAsync("body", "data-ready"));

        var detail = (await server.Client.GetFromJsonAsync<JsonNode>($"/api/v1/events/{id}"))!;
        string evidence = detail["evidence"]![0]!["text"]!.GetValue<string>();
        string highlighted = string.Concat(await page.Locator("#article-text .evidence.selected").AllTextContentsAsync());
        Assert.Contains(evidence.Trim(), highlighted, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync($".event-list button[data-event='{id}']", "aria-pressed"));
        Assert.True(await page.Locator("#article-text .trigger").CountAsync() > 0);
        Assert.Contains("rule lexicon:", await page.Locator(".explain").First.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "article-evidence");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_SearchAndNavigateWithoutMouse()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "", "home");
        await page.FocusAsync("#search-q");
        await page.Keyboard.TypeAsync("drills");
        await RerenderAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("search", await page.GetAttributeAsync("body", "data-ready"));
        Assert.True(await page.Locator(".hits li").CountAsync() > 0);

        // Enter on a focused result opens its article (the North Korea report has events); Enter on an event button selects it.
        await page.FocusAsync(".hits li a");
        await RerenderAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("article", await page.GetAttributeAsync("body", "data-ready"));
        var last = page.Locator(".event-list button").Last;
        await last.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await last.GetAttributeAsync("aria-pressed"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task NarrowScreen_ArticleAndEvents_NoHorizontalScroll()
    {
        var page = await OpenAsync(browser.Context, server.BaseAddress, "", "home");
        await page.SetViewportSizeAsync(390, 844);
        foreach (var (hash, view) in new[] { ("article/1", "article"), ("events", "events"), ("dyad", "dyad") })
        {
            await RerenderAsync(page, () => page.GotoAsync(new Uri(server.BaseAddress, "/#/" + hash).ToString()));
            Assert.Equal(view, await page.GetAttributeAsync("body", "data-ready"));
            bool fits = await page.EvaluateAsync<bool>("() => document.body.scrollWidth <= window.innerWidth + 1");
            Assert.True(fits, $"{view} scrolls sideways at 390 px");
        }

        await ScreenshotAsync(page, "narrow-dyad");
        await page.CloseAsync();
    }

    [Fact]
    public async Task UntrustedArticle_ScriptAndHtml_AreShownAsTextAndNeverRun()
    {
        const string Hostile = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>bold</b>";
        string body = $$"""
            {"id":"xss-1","url":"https://news.example/xss","source":"Test Wire","published":"2024-06-03T08:00:00Z",
             "title":"<img src=x onerror=\"window.__pwned = 3\">Japan and Russia",
             "text":"Japanese Prime Minister Fumio Kishida met Russian President Vladimir Putin in Tokyo on Monday. {{Hostile.Replace("\"", "\\\"", StringComparison.Ordinal)}} Officials said the talks went well."}
            """;
        using var request = server.Authorized(HttpMethod.Post, "/api/v1/articles", new StringContent(body, Encoding.UTF8, "application/json"));
        using var response = await server.Writer.SendAsync(request);
        string result = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, result);
        long articleId = JsonNode.Parse(result)!["articles"]![0]!["article_id"]!.GetValue<long>();

        var page = await browser.Context.NewPageAsync();
        bool dialog = false;
        page.Dialog += (_, d) => { dialog = true; _ = d.DismissAsync(); };
        await page.GotoAsync(new Uri(server.Writer.BaseAddress!, $"/#/article/{articleId}").ToString());
        await page.WaitForSelectorAsync("body[data-ready='article']");
        await RerenderAsync(page, () => page.GotoAsync(new Uri(server.Writer.BaseAddress!, "/#/search?q=bold").ToString()));

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.False(dialog);
        Assert.Equal(0, await page.Locator("#main script, #main img, #main b").CountAsync());
        await RerenderAsync(page, () => page.GotoAsync(new Uri(server.Writer.BaseAddress!, $"/#/article/{articleId}").ToString()));
        Assert.Contains("<script>window.__pwned = 1</script>", await page.TextContentAsync("#article-text"), StringComparison.Ordinal);
        Assert.Contains("<img src=x", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await ScreenshotAsync(page, "untrusted-article");
        await page.CloseAsync();
    }
}
