using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    private const string College = "college@demo.chainlink.cn";

    [Fact]
    public async Task Sign_in_page_signs_in_and_returns_to_the_page_that_asked()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/map");
        await page.WaitForURLAsync("**/login?returnUrl=**");
        await page.WaitForSelectorAsync("#demo-list");
        await BrowserFixture.ScreenshotAsync(page, "login");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.FillAsync("#email", College);
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#login-error");
        Assert.Contains("错误", await page.TextContentAsync("#login-error"));
        // The browser logs the 401 of the wrong password; that one is expected here.
        errors.RemoveAll(e => e.Contains("401", StringComparison.Ordinal) && e.Contains("/api/auth/login", StringComparison.Ordinal));

        // The demo profile lists its enterprise and college accounts (not government or admin); choosing one fills in the form.
        Assert.Equal(0, await page.Locator("#demo-list a:has-text('government@'), #demo-list a:has-text('admin@')").CountAsync());
        await page.ClickAsync("#demo-list a:has-text('college@demo.chainlink.cn')");
        Assert.Equal(College, await page.InputValueAsync("#email"));
        Assert.Equal(BrowserFixture.Password, await page.InputValueAsync("#password"));
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/map");
        // The header names the signed-in organisation and role once the page has asked /api/auth/me.
        await page.WaitForSelectorAsync("header .user:has-text('院校')");
        await page.WaitForSelectorAsync("#map[data-ready='true']");
        await BrowserFixture.FinishAsync(page, errors, "map-college");
    }

    [Fact]
    public async Task Sign_in_works_with_the_keyboard_alone()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fbarometer");
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(College);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/barometer");

        // The side menu is reachable and usable from the keyboard: focus its map entry and press Enter.
        await page.Locator("aside nav a:has-text('资源地图')").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/map");
        await page.WaitForSelectorAsync("#map[data-ready='true']");
        await BrowserFixture.FinishAsync(page, errors, "keyboard-map");
    }
}
