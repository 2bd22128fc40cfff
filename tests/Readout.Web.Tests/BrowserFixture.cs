using Microsoft.Playwright;

namespace Readout.Web.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no Playwright browser download): a fresh
/// profile folder per fixture. Fails with a clear message when /usr/bin/chromium is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _profile = Directory.CreateTempSubdirectory("readout-chromium-").FullName;
    private IPlaywright? _playwright;

    public IBrowserContext Context { get; private set; } = null!;

    /// <summary>Screenshots go to the test output folder (a build artifact), never the repository.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the browser tests drive Debian's Chromium. Install it with 'apt-get install -y chromium' (test.sh does).");
        }

        _playwright = await Playwright.CreateAsync();
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Timeout = 60_000,
        });
        Context.SetDefaultTimeout(20_000);
        Context.SetDefaultNavigationTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        _playwright?.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the OS temp cleaner gets it.
        }
    }
}
