using System.Globalization;

namespace ChainLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BarometerPageTests(BrowserFixture browser)
{
    private const string Government = "government@demo.chainlink.cn";

    [Fact]
    public async Task The_barometer_page_draws_an_edition_shaped_as_the_contract_says()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BarometerContractFake.InstallAsync(page);
        await BrowserFixture.SignInAsync(page, Government, "/barometer");
        await page.WaitForSelectorAsync($"#ranking[data-count='{BarometerContractFake.RankingCount}']");
        Assert.Equal(BarometerContractFake.RankingCount, await page.Locator("#ranking tbody tr").CountAsync());
        Assert.Contains("风力发电运维值班员", await page.TextContentAsync("#ranking tbody tr:first-child"));
        Assert.Equal("/api/barometer/editions/2026Q3.csv", await page.GetAttributeAsync("#download-csv", "href"));
        // Two clusters × three regions: four cells with figures (one suppressed), two combinations without a cell.
        Assert.Equal(6, await page.Locator("#heat tbody td").CountAsync());
        Assert.Equal(3, await page.Locator("#heat tbody td.none").CountAsync());
        Assert.Equal(1, await page.Locator("#heat td.shortage").CountAsync());
        // The edition's legend beside the heat table: "—" is suppressed, a blank cell has neither demand nor supply.
        Assert.Equal(2, await page.Locator("#legend dt").CountAsync());
        Assert.Equal("—", await page.TextContentAsync("#legend dt:first-of-type"));
        Assert.Contains("既没有需求也没有供给", await page.TextContentAsync("#legend"));
        Assert.Equal("/api/barometer/editions/2026Q3.csv?format=machine", await page.GetAttributeAsync("#download-machine-csv", "href"));
        // The trend chart: actual, forecast and the two series of the forecast interval, drawn on a canvas.
        await page.WaitForSelectorAsync("#trend[data-series='4'] canvas");
        Assert.Equal("true", await page.GetAttributeAsync("#trend", "data-forecast"));
        await BrowserFixture.FinishAsync(page, errors, "barometer-contract");
    }

    [Fact]
    public async Task The_barometer_page_shows_the_latest_ranking_heat_table_and_trend()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, Government, "/barometer");
        await page.WaitForSelectorAsync("#ranking:not([data-count='0'])");
        var count = int.Parse(await page.GetAttributeAsync("#ranking", "data-count") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(count, 1, 20);
        Assert.Equal(count, await page.Locator("#ranking tbody tr").CountAsync());
        Assert.Matches(@"^/api/barometer/editions/\d{4}Q[1-4]\.csv$", await page.GetAttributeAsync("#download-csv", "href"));
        Assert.Matches(@"^/api/barometer/editions/\d{4}Q[1-4]$", await page.GetAttributeAsync("#download-json", "href"));
        // The chart opens on an occupation with a forecast.
        await page.WaitForSelectorAsync("#trend[data-forecast='true'] canvas");
        Assert.True(await page.Locator("#heat td").CountAsync() > 0);
        Assert.True(await page.Locator("#legend").IsVisibleAsync());
        Assert.Contains("既没有需求也没有供给", await page.TextContentAsync("#legend"));
        Assert.Contains("不予公布", await page.TextContentAsync("#legend"));
        // The lines draw in with an animation of about a second; the screenshot waits for them.
        await page.WaitForTimeoutAsync(1500);
        await BrowserFixture.ScreenshotAsync(page, "barometer");

        // Choosing a ranked occupation from the keyboard (Enter on its row) shows its trend.
        var second = page.Locator("#ranking tbody tr").Nth(1);
        var code = await second.GetAttributeAsync("data-code");
        await second.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => document.querySelector('#occupation').closest('.el-select').textContent.includes('{code}')");
        await BrowserFixture.FinishAsync(page, errors, "barometer-keyboard");
    }

    [Fact]
    public async Task A_visitor_reads_the_published_barometer_without_signing_in()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/barometer");
        await page.WaitForSelectorAsync("#ranking:not([data-count='0'])");
        Assert.EndsWith("/barometer", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#ranking tbody tr").CountAsync() > 0);
        Assert.Equal("登录", await page.TextContentAsync("header .user a"));
        // A visitor's menu lists only the public pages.
        Assert.Equal(["晴雨表"], await page.Locator("aside nav a").AllTextContentsAsync());
        await BrowserFixture.FinishAsync(page, errors, "barometer-visitor");
    }
}
