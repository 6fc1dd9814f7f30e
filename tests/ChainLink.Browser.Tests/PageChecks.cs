using System.Text.Json;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>
/// The checks every workspace page passes: signed in through the sign-in page, no console error, no serious or critical
/// accessibility violation (axe-core from the front end's npm packages, injected from the local file: no CDN), and a
/// screenshot at the width it was checked.
/// </summary>
public static class PageChecks
{
    public const int Phone = 375;
    public const int Desktop = 1440;

    private static readonly string AxePath = Path.Combine(RepositoryDirectory(), "src", "ChainLink.Api", "frontend", "node_modules", "axe-core", "axe.min.js");

    /// <summary>
    /// Signs in through the sign-in page and waits for the page it returns to. The app asks GET /api/auth/me before it
    /// knows whether anyone is signed in, and the API answers a visitor 401, which Chromium logs as a console error: that
    /// one answer is taken off the errors, and only it (anything else the sign-in logs stays and fails the test).
    /// </summary>
    public static async Task SignInAsync(IPage page, List<string> errors, string email, string returnPath)
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnPath);
        errors.RemoveAll(e => e.Contains("status of 401", StringComparison.Ordinal));
    }

    /// <summary>Runs axe-core on the page as it is and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        if (!File.Exists(AxePath))
            throw new InvalidOperationException($"axe-core is not at {AxePath}; the API build runs npm ci in src/ChainLink.Api/frontend.");
        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') does not
        // govern; a script tag with the file's text would be an inline script it refuses.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(await File.ReadAllTextAsync(AxePath));
        var violations = await page.EvaluateAsync<JsonElement>(@"async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(' | ')}`);
        }");
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{what}: accessibility violations\n{string.Join('\n', found)}");
    }

    /// <summary>The page does not scroll sideways: what is wider than the screen scrolls inside its own box (tables).</summary>
    public static async Task AssertFitsWidthAsync(IPage page, string what)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= width, $"{what}: the page is {scroll} px wide on a {width} px screen");
    }

    /// <summary>Fails on any console or script error except the ones named (an answer the test asked for, e.g. a 400).</summary>
    public static void AssertNoConsoleErrors(IReadOnlyList<string> errors, params string[] expected)
    {
        var unexpected = errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, $"console errors:\n{string.Join('\n', unexpected)}");
    }

    /// <summary>Screenshot, accessibility and width at the phone and the desktop width, back at the desktop width after.</summary>
    public static async Task CheckAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { Phone, Desktop })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(300);
            await BrowserFixture.ScreenshotAsync(page, width == Phone ? $"{name}-phone" : name);
            await AssertAccessibleAsync(page, $"{name} at {width} px");
            await AssertFitsWidthAsync(page, $"{name} at {width} px");
        }
    }

    /// <summary>
    /// Opens an Element Plus select from the keyboard (focus, Enter) and chooses an option by its text; the options are a
    /// list teleported to the body.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string selectId, string? optionText = null)
    {
        await page.FocusAsync($"#{selectId}");
        await page.Keyboard.PressAsync("Enter");
        var options = page.Locator(".el-select-dropdown:visible .el-select-dropdown__item");
        var option = optionText is null ? options.First : options.Filter(new() { HasText = optionText }).First;
        await option.ClickAsync();
    }

    private static string RepositoryDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("ChainLink.sln").Length > 0) return dir.FullName;
        }
        throw new InvalidOperationException("ChainLink.sln not found above " + AppContext.BaseDirectory);
    }
}
