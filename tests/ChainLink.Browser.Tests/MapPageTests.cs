using System.Globalization;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MapPageTests(BrowserFixture browser)
{
    private const string Government = "government@demo.chainlink.cn";
    private const string College = "college@demo.chainlink.cn";

    /// <summary>Waits until the map has drawn (data-ready) and returns how many points ECharts holds.</summary>
    private static async Task<int> DrawnFeatureCountAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#map[data-ready='true']");
        return Attribute(await page.GetAttributeAsync("#map", "data-feature-count"));
    }

    private static int Attribute(string? value) => int.Parse(value ?? "-1", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_map_draws_the_features_and_a_filter_changes_the_count_without_console_errors()
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Government);
        var all = await DrawnFeatureCountAsync(page);
        Assert.True(all > 0, "the map drew no feature");
        Assert.Equal("内蒙古", await page.GetAttributeAsync("#map", "data-map"));
        Assert.Equal($"当前显示 {all} 个点位", await page.TextContentAsync("#feature-total"));
        Assert.Equal(12, await page.Locator("#summary tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "map-government");

        await BrowserFixture.ChooseAsync(page, "#region", "包头市");
        await page.WaitForFunctionAsync($"() => document.querySelector('#map').dataset.ready === 'true' && document.querySelector('#map').dataset.featureCount !== '{all}'");
        var baotou = await DrawnFeatureCountAsync(page);
        Assert.InRange(baotou, 1, all - 1);
        await BrowserFixture.ScreenshotAsync(page, "map-filter-baotou");

        await BrowserFixture.ChooseAsync(page, "#region", "内蒙古全区");
        await page.WaitForFunctionAsync($"() => document.querySelector('#map').dataset.ready === 'true' && document.querySelector('#map').dataset.featureCount === '{all}'");
        await BrowserFixture.ChooseAsync(page, "#cluster", "氢能");
        await page.WaitForFunctionAsync($"() => document.querySelector('#map').dataset.ready === 'true' && document.querySelector('#map').dataset.featureCount !== '{all}'");
        Assert.InRange(await DrawnFeatureCountAsync(page), 1, all - 1);

        // A layer switched off takes its points away; the count beside it goes.
        await BrowserFixture.ChooseAsync(page, "#cluster", "全部产业集群");
        await page.WaitForFunctionAsync($"() => document.querySelector('#map').dataset.ready === 'true' && document.querySelector('#map').dataset.featureCount === '{all}'");
        await page.ClickAsync("#layers label:has-text('研发平台')");
        await page.WaitForFunctionAsync($"() => document.querySelector('#map').dataset.ready === 'true' && document.querySelector('#map').dataset.featureCount !== '{all}'");
        Assert.InRange(await DrawnFeatureCountAsync(page), 1, all - 1);

        // A tooltip (popup) per feature: hover the first drawn point.
        var point = (await page.GetAttributeAsync("#map", "data-first-point"))!.Split(',').Select(double.Parse).ToArray();
        var box = await page.Locator("#map").BoundingBoxAsync();
        var tooltip = page.Locator("text=所属单位");
        // ECharts reacts to mouse moves once it has finished drawing; move in again until the popup shows.
        for (var attempt = 0; attempt < 10 && !await tooltip.IsVisibleAsync(); attempt++)
        {
            await page.Mouse.MoveAsync((float)box!.X + 5, (float)box.Y + 5);
            await page.Mouse.MoveAsync((float)(box.X + point[0]), (float)(box.Y + point[1]), new() { Steps = 5 });
            await page.WaitForTimeoutAsync(300);
        }
        await tooltip.WaitForAsync();
        await BrowserFixture.FinishAsync(page, errors, "map-tooltip");
    }

    [Fact]
    public async Task A_college_sees_its_own_resources_highlighted_and_the_page_fits_a_phone()
    {
        var (page, errors) = await browser.NewPageAsync(375, 812);
        await BrowserFixture.SignInAsync(page, College);
        Assert.True(await DrawnFeatureCountAsync(page) > 0);
        Assert.True(Attribute(await page.GetAttributeAsync("#map", "data-mine-count")) > 0, "no own resource is highlighted");
        Assert.Contains("本单位", await page.TextContentAsync("#role-note"));
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the page is {width}px wide on a 375px phone");
        await BrowserFixture.ScreenshotAsync(page, "map-college-phone");

        // On a phone the side menu is a drawer behind the menu button.
        Assert.False(await page.Locator("aside nav").IsVisibleAsync());
        await page.ClickAsync("button[aria-label='打开菜单']");
        await page.Locator(".el-drawer nav a:has-text('晴雨表')").WaitForAsync();
        // The drawer slides in (0.3 s); the screenshot shows it open.
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "menu-drawer-phone.png") });
        await page.ClickAsync(".el-drawer nav a:has-text('晴雨表')");
        await page.WaitForURLAsync("**/barometer");
        await page.WaitForSelectorAsync("#ranking:not([data-count='0'])");
        await BrowserFixture.FinishAsync(page, errors, "barometer-phone");
    }
}
