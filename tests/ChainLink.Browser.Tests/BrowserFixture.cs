using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>
/// The real API listening on a free local port (Kestrel, not the in-memory test server, so Chromium can reach it) on a
/// fresh SQLite file with the demo data, and Debian's Chromium driven by Playwright. Chromium is never downloaded:
/// scripts/install-test-deps.sh installs it (./test.sh runs that script first). axe-core comes from the web
/// application's npm packages (frontend/node_modules), never from a CDN.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Demo#2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chainlink-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: TestResults/screenshots beside this project (CHAINLINK_SCREENSHOTS overrides).</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("CHAINLINK_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(ProjectDirectory(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}; run scripts/install-test-deps.sh (./test.sh runs it before the tests).");
        var port = FreePort();
        BaseUrl = $"http://localhost:{port}";
        UseKestrel(port);
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChainLink:DataDirectory", _dataDirectory);
        builder.UseSetting("ChainLink:Demo:Enabled", "true");
    }

    /// <summary>
    /// A new browser context (own cookies) with a page whose console errors and script errors are collected, and with
    /// axe-core loaded (an init script, which the pages' CSP does not apply to).
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1366, int height = 860)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        await context.AddInitScriptAsync(scriptPath: AxePath);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // How the application learns that nobody is signed in: GET /api/auth/me answers 401, which Chromium logs.
            if (message.Type == "error" && !(message.Location.Contains("/api/auth/me", StringComparison.Ordinal) && message.Text.Contains("401", StringComparison.Ordinal)))
                errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        return (page, errors);
    }

    /// <summary>Signs in through the sign-in page, as a user would, and waits for the page that asked.</summary>
    public static async Task SignInAsync(IPage page, string email, string returnUrl = "/map")
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Chooses an option of an Element Plus select (its list opens in a popup at the end of the page).</summary>
    public static async Task ChooseAsync(IPage page, string select, string option)
    {
        // The shown value lies over the input and takes the click, as it does for a person.
        await page.ClickAsync(select, new() { Force = true });
        await page.Locator(".el-select-dropdown__item:visible", new() { HasTextString = option }).First.ClickAsync();
    }

    /// <summary>Runs axe-core on the page as it is now and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>(@"async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.failureSummary} ${n.html.slice(0, 160)}`).join(' | ')}`);
        }");
        Assert.True(violations.Length == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>The end of every test: no console error, no serious accessibility problem, a screenshot.</summary>
    public static async Task FinishAsync(IPage page, List<string> errors, string screenshot)
    {
        await ScreenshotAsync(page, screenshot);
        await AssertAccessibleAsync(page);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    private static string AxePath { get; } = Path.Combine(RepositoryDirectory(), "src", "ChainLink.Api", "frontend", "node_modules", "axe-core", "axe.min.js");

    private static string RepositoryDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("ChainLink.sln").Length > 0) return dir.FullName;
        }
        throw new InvalidOperationException("ChainLink.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("ChainLink.Browser.Tests.csproj").Length > 0) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
