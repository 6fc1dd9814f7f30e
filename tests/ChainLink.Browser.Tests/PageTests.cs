using System.Text.Json;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser)
{
    private const string Government = "government@demo.chainlink.cn";
    private const string College = "college@demo.chainlink.cn";

    /// <summary>Waits until the map page has drawn (data-ready) and returns how many features it shows.</summary>
    private static async Task<int> DrawnFeatureCountAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#map[data-ready='true']");
        return int.Parse(await page.GetAttributeAsync("#map", "data-feature-count") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Data points in the chart's own option, so the count is what ECharts draws, not what the page claims.</summary>
    private static async Task<JsonElement> ChartPointsAsync(IPage page) => await page.EvaluateAsync(@"() => {
        const option = echarts.getInstanceByDom(document.getElementById('map')).getOption();
        return {
            total: option.series.reduce((n, s) => n + s.data.length, 0),
            mine: option.series.reduce((n, s) => n + s.data.filter(d => d.feature.properties.mine).length, 0),
            map: option.geo[0].map,
        };
    }") ?? default;

    [Fact]
    public async Task Sign_in_page_signs_in_and_returns_to_the_page_that_asked()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync("/map.html");
        await page.WaitForURLAsync("**/login.html?returnUrl=*");
        await BrowserFixture.ScreenshotAsync(page, "login");

        await page.FillAsync("#email", Government);
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#login-error:not([hidden])");
        Assert.Contains("错误", await page.TextContentAsync("#login-error"));

        // The demo profile lists its enterprise and college accounts (not government or admin); choosing one fills in the form.
        Assert.Equal(0, await page.Locator("#demo-list a:has-text('government@'), #demo-list a:has-text('admin@')").CountAsync());
        await page.ClickAsync("#demo-list a:has-text('college@demo.chainlink.cn')");
        Assert.Equal(College, await page.InputValueAsync("#email"));
        Assert.Equal(BrowserFixture.Password, await page.InputValueAsync("#password"));
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/map.html");
        // The header names the signed-in organisation and role once the page has asked /api/auth/me.
        await page.WaitForSelectorAsync("header .user:has-text('院校')");
        await DrawnFeatureCountAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_map_draws_the_features_and_a_filter_changes_the_count_without_console_errors()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Government);
        var all = await DrawnFeatureCountAsync(page);
        Assert.True(all > 0, "the map drew no feature");
        var points = await ChartPointsAsync(page);
        Assert.Equal(all, points.GetProperty("total").GetInt32());
        Assert.Equal("内蒙古", points.GetProperty("map").GetString());
        await BrowserFixture.ScreenshotAsync(page, "map-government");

        await page.SelectOptionAsync("#region", "150200");
        var baotou = await DrawnFeatureCountAsync(page);
        Assert.InRange(baotou, 1, all - 1);
        Assert.Equal(baotou, (await ChartPointsAsync(page)).GetProperty("total").GetInt32());
        await BrowserFixture.ScreenshotAsync(page, "map-filter-baotou");

        await page.SelectOptionAsync("#region", "");
        await page.SelectOptionAsync("#cluster", "NE-HYDROGEN");
        var hydrogen = await DrawnFeatureCountAsync(page);
        Assert.InRange(hydrogen, 1, all - 1);

        // A tooltip (popup) per feature: hover the first drawn point.
        await page.SelectOptionAsync("#cluster", "");
        await DrawnFeatureCountAsync(page);
        var pixel = await page.EvaluateAsync<double[]>(@"() => {
            const chart = echarts.getInstanceByDom(document.getElementById('map'));
            const point = chart.getOption().series[0].data[0].value;
            return chart.convertToPixel({ geoIndex: 0 }, [point[0], point[1]]);
        }");
        var box = await page.Locator("#map").BoundingBoxAsync();
        var tooltip = page.Locator("text=所属单位");
        // ECharts reacts to mouse moves once it has finished drawing; move in again until the popup shows.
        for (var attempt = 0; attempt < 10 && !await tooltip.IsVisibleAsync(); attempt++)
        {
            await page.Mouse.MoveAsync((float)box!.X + 5, (float)box.Y + 5);
            await page.Mouse.MoveAsync((float)(box.X + pixel[0]), (float)(box.Y + pixel[1]), new() { Steps = 5 });
            await page.WaitForTimeoutAsync(300);
        }
        await tooltip.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "map-tooltip");

        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_college_sees_its_own_resources_highlighted_and_the_page_fits_a_phone()
    {
        var (page, errors) = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, College);
        Assert.True(await DrawnFeatureCountAsync(page) > 0);
        Assert.True((await ChartPointsAsync(page)).GetProperty("mine").GetInt32() > 0, "no own resource is highlighted");
        Assert.Contains("本单位", await page.TextContentAsync("#role-note"));
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px phone");
        await BrowserFixture.ScreenshotAsync(page, "map-college-phone");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_barometer_page_draws_an_edition_shaped_as_the_contract_says()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BarometerContractFake.InstallAsync(page);
        await BrowserFixture.SignInAsync(page, Government, "/barometer.html");
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
        await page.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.getElementById('trend'))?.getOption()?.series?.length === 4");
        await BrowserFixture.ScreenshotAsync(page, "barometer-contract");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_barometer_page_shows_the_latest_ranking_heat_table_and_trend()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Government, "/barometer.html");
        await page.WaitForSelectorAsync("#ranking:not([data-count='0'])");
        var count = int.Parse(await page.GetAttributeAsync("#ranking", "data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 1, 20);
        Assert.Equal(count, await page.Locator("#ranking tbody tr").CountAsync());
        Assert.Matches(@"^/api/barometer/editions/\d{4}Q[1-4]\.csv$", await page.GetAttributeAsync("#download-csv", "href"));
        Assert.Matches(@"^/api/barometer/editions/\d{4}Q[1-4]$", await page.GetAttributeAsync("#download-json", "href"));
        // The chart opens on an occupation with a forecast: the dashed forecast series carries figures.
        await page.WaitForFunctionAsync("() => echarts.getInstanceByDom(document.getElementById('trend'))?.getOption()?.series?.[1]?.data?.some(v => v != null)");
        Assert.True(await page.Locator("#occupation option").CountAsync() >= count);
        Assert.True(await page.Locator("#heat td").CountAsync() > 0);
        Assert.True(await page.Locator("#legend").IsVisibleAsync());
        Assert.Contains("既没有需求也没有供给", await page.TextContentAsync("#legend"));
        Assert.Contains("不予公布", await page.TextContentAsync("#legend"));
        await BrowserFixture.ScreenshotAsync(page, "barometer");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_reads_the_published_barometer_without_signing_in()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync("/barometer.html");
        await page.WaitForSelectorAsync("#ranking:not([data-count='0'])");
        Assert.EndsWith("/barometer.html", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#ranking tbody tr").CountAsync() > 0);
        Assert.Equal("登录", await page.TextContentAsync("header .user a"));
        // The only error is the browser's own line for the 401 that tells the page nobody is signed in.
        Assert.All(errors, e => Assert.Contains("401", e, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
