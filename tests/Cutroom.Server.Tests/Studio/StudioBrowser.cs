using Xunit.Abstractions;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cutroom.Server.Tests.Studio;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by the test set-up; never
/// <c>playwright install</c>) driven by Playwright, headless, against a real server on loopback.
/// Collects the page's console errors and uncaught exceptions so a test can assert there were none,
/// and saves screenshots under the test output's <c>artifacts/screenshots/</c>.
/// </summary>
internal sealed class StudioBrowser : IAsyncDisposable
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where screenshots go: <c>&lt;test output&gt;/artifacts/screenshots</c>.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ITestOutputHelper _output;

    private StudioBrowser(IPlaywright playwright, IBrowser browser, LiveServer server, ITestOutputHelper output)
    {
        _playwright = playwright;
        _browser = browser;
        Server = server;
        _output = output;
    }

    /// <summary>The server the page talks to.</summary>
    public LiveServer Server { get; }

    /// <summary>Console errors and uncaught exceptions of every page opened so far.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>Starts a server and the browser.</summary>
    /// <param name="output">The test's output (screenshot paths).</param>
    /// <param name="configure">Optional settings of the server.</param>
    public static async Task<StudioBrowser> StartAsync(ITestOutputHelper output, Action<Cutroom.Server.Hosting.ServerOptions>? configure = null)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run CUTROOM_TEST_SETUP=1 scripts/setup.sh (installs Debian's chromium)");
        // CI runs the test assemblies side by side on 2 cores (ffmpeg from the engine tests included):
        // give the page's expectations room instead of Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
        var server = await LiveServer.StartAsync(configure);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new StudioBrowser(playwright, browser, server, output);
    }

    /// <summary>Opens the Studio in a fresh context (empty storage) with <paramref name="locale"/> as the browser's language.</summary>
    public async Task<IPage> OpenAsync(string locale = "en-US", int width = 1440, int height = 900)
    {
        var context = await _browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") PageErrors.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => PageErrors.Add($"page error: {e}");
        await page.GotoAsync(Server.BaseUrl + "/");
        await page.WaitForSelectorAsync("#status[data-state=ready]", new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>&lt;test&gt;-&lt;step&gt;.png</c> and prints its path.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The browser tests run one at a time (each starts Chromium; the machine has 2 cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StudioCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Studio";
}
