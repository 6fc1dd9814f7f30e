namespace ChainLink.Browser.Tests;

/// <summary>
/// The workspace pages are checked at a phone's and a desktop's width: a screenshot of each, axe-core
/// (<see cref="BrowserFixture.AssertAccessibleAsync"/>) and no sideways scrolling of the page itself.
/// </summary>
public static class PageChecks
{
    public const int Phone = 375;
    public const int Desktop = 1440;

    /// <summary>Screenshot, accessibility and width at the phone and the desktop width, back at the desktop width after.</summary>
    public static async Task CheckAtBothWidthsAsync(Microsoft.Playwright.IPage page, string name)
    {
        foreach (var width in new[] { Phone, Desktop })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(300);
            await BrowserFixture.ScreenshotAsync(page, width == Phone ? $"{name}-phone" : name);
            await BrowserFixture.AssertAccessibleAsync(page);
            // What is wider than the screen (a table) scrolls inside its own box, not the page.
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scroll <= width, $"{name} at {width} px: the page is {scroll} px wide");
        }
    }
}
