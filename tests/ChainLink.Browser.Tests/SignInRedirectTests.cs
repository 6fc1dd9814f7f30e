namespace ChainLink.Browser.Tests;

/// <summary>The sign-in page returns only to pages of this site, however the return URL is disguised.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInRedirectTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_with_a_foreign_return_url_stays_on_the_site(string returnUrl)
    {
        var (page, _) = await browser.NewPageAsync();
        // Raw, as an attacker's link carries it: the page's own URLSearchParams decodes it.
        await page.GotoAsync($"/login?returnUrl={returnUrl}");
        await page.FillAsync("#email", "college@demo.chainlink.cn");
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("#login-submit");

        var site = new Uri(browser.BaseUrl);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync();
        var landed = new Uri(page.Url);
        Assert.True(landed.Scheme == site.Scheme && landed.Authority == site.Authority, $"{returnUrl} led to {page.Url}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bookmark_of_the_old_sign_in_page_still_signs_in_and_returns()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync($"/login.html?returnUrl={Uri.EscapeDataString("/barometer.html")}");
        await page.WaitForURLAsync("**/login?returnUrl=**");
        await page.FillAsync("#email", "college@demo.chainlink.cn");
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/barometer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_returns_to_a_page_of_the_site_with_its_query()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString("/barometer?quarter=2026Q1")}");
        await page.FillAsync("#email", "college@demo.chainlink.cn");
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/barometer?quarter=2026Q1");
        await page.Context.CloseAsync();
    }
}
