using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>产教融合看板, 毕业生就业去向 and 白皮书 as government and a college use them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardPageTests(BrowserFixture browser)
{
    private const string Government = "government@demo.chainlink.cn";
    private const string College = "college@demo.chainlink.cn";

    private static readonly string[] FigureKeys = ["structure", "investment", "returns", "roi", "coverage", "funnel", "alignment", "training-bases", "mentor-hours"];

    [GeneratedRegex(@"(\d+) 条")]
    private static partial Regex RecordCount();

    private static int CountIn(string? text) => int.Parse(RecordCount().Match(text ?? "").Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task OpenDashboardAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#figure-mentor-hours");
        await page.Locator(".figure-grid .el-loading-mask").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task Government_sees_every_figure_with_its_completeness_and_drills_down_into_the_records_behind_one()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, Government, "/dashboard");
        await OpenDashboardAsync(page);

        foreach (var key in FigureKeys)
        {
            var card = page.Locator($"#figure-{key}");
            Assert.True(await card.Locator(".figure-table tbody tr").CountAsync() > 0, $"{key} has no table rows");
            Assert.Contains("已确认", await card.Locator("dl.completeness").TextContentAsync());
            Assert.Equal(1, await card.Locator($"a[href^='/api/dashboard/figures/{key}?'][href$='format=csv']").CountAsync());
            Assert.Equal(1, await card.Locator($"a[href^='/api/dashboard/figures/{key}?'][href$='format=xlsx']").CountAsync());
        }
        Assert.Equal(7, await page.Locator(".figure-chart canvas").CountAsync());
        // The ROI stands with its sensitivity range beside it.
        Assert.Matches(@"敏感性区间 \d+\.\d\d – \d+\.\d\d", await page.TextContentAsync("#figure-roi .roi-central"));
        Assert.Contains("需求 → 匹配", await page.TextContentAsync("#figure-funnel"));
        await BrowserFixture.ScreenshotAsync(page, "dashboard-government");

        // 明细 lists exactly as many records as the figure counts.
        var button = page.Locator("#figure-returns .drill-button");
        var counted = CountIn(await button.TextContentAsync());
        Assert.True(counted > 0, "the demo returns figure counts no confirmed outcome");
        await button.ClickAsync();
        await page.WaitForSelectorAsync("#drill-count:has-text('共')");
        Assert.Equal(counted, CountIn(await page.TextContentAsync("#drill-count")));
        var statuses = await page.Locator("#drill-table .el-table__body tr td:nth-child(7)").AllTextContentsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("已确认", s.Trim()));
        await BrowserFixture.ScreenshotAsync(page, "dashboard-drilldown");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#drill-table").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // A click on a chart opens the same drill-down for its figure.
        var funnel = page.Locator("#figure-funnel .figure-chart canvas");
        var box = (await funnel.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + 20);
        await page.WaitForSelectorAsync(".drill-dialog:has-text('转化漏斗')");
        await page.WaitForSelectorAsync("#drill-count:has-text('共')");
        Assert.Equal(CountIn(await page.TextContentAsync("#figure-funnel .drill-button")), CountIn(await page.TextContentAsync("#drill-count")));
        await BrowserFixture.FinishAsync(page, errors, "dashboard-chart-click");
    }

    [Fact]
    public async Task On_a_phone_the_dashboard_is_one_column_and_the_drill_down_opens_from_the_keyboard()
    {
        var (page, errors) = await browser.NewPageAsync(375, 812);
        await BrowserFixture.SignInAsync(page, Government, "/dashboard");
        await OpenDashboardAsync(page);
        var first = (await page.Locator("#figure-structure").BoundingBoxAsync())!;
        var second = (await page.Locator("#figure-investment").BoundingBoxAsync())!;
        Assert.True(second.Y >= first.Y + first.Height, "the figures are not stacked in one column at 375 px");
        Assert.True(first.Width <= 375, "a figure is wider than the phone");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-phone");

        // From the export link, Tab reaches the first figure's table and then its 明细 button; Enter opens it.
        await page.FocusAsync("#dashboard-xlsx");
        for (var i = 0; i < 6 && !await page.EvaluateAsync<bool>("() => document.activeElement?.matches('#figure-structure .drill-button') ?? false"); i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.matches('#figure-structure .drill-button') ?? false"), "Tab does not reach 明细");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#drill-count:has-text('共')");
        Assert.Equal(CountIn(await page.TextContentAsync("#figure-structure .drill-button")), CountIn(await page.TextContentAsync("#drill-count")));
        await BrowserFixture.FinishAsync(page, errors, "dashboard-keyboard-phone");
    }

    [Fact]
    public async Task A_college_reports_a_graduate_outcome_sees_the_field_error_of_the_400_then_its_row()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, College, "/graduate-outcomes");
        await page.WaitForSelectorAsync("#outcome-table .el-table__body tr");
        var year = DateTime.UtcNow.Year - 4;

        await page.ClickAsync("#outcome-programme", new() { Force = true });
        var programme = (await page.Locator(".el-select-dropdown__item:visible").First.TextContentAsync())!.Trim();
        await page.Locator(".el-select-dropdown__item:visible").First.ClickAsync();
        await page.FillAsync("#outcome-year", year.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#outcome-graduates", "40");
        await page.FillAsync("#outcome-employed", "45");
        await page.FillAsync("#outcome-in-major", "30");
        await page.ClickAsync("#outcome-submit");
        await page.WaitForSelectorAsync("#outcome-problem");
        // The API's message for employedAtSixMonths stands under that field.
        var fieldError = page.Locator(".el-form-item.is-error:has(#outcome-employed) .el-form-item__error");
        await fieldError.WaitForAsync();
        Assert.Contains("不能多于毕业生人数", await fieldError.TextContentAsync());
        errors.RemoveAll(e => e.Contains("400", StringComparison.Ordinal) && e.Contains("/api/graduate-outcomes", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "graduate-outcome-error");

        await page.FillAsync("#outcome-employed", "36");
        await page.ClickAsync("#outcome-submit");
        await page.Locator("#outcome-problem").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var row = page.Locator("#outcome-table .el-table__body tr", new() { HasTextString = year.ToString(CultureInfo.InvariantCulture) })
            .Filter(new() { HasTextString = programme[..programme.IndexOf('（', StringComparison.Ordinal)] });
        await row.First.WaitForAsync();
        Assert.Contains("90.0%", await row.First.TextContentAsync());
        await BrowserFixture.FinishAsync(page, errors, "graduate-outcome-reported");
    }

    [Fact]
    public async Task Government_reads_the_aggregates_previews_the_region_white_paper_and_publishes_it_then_a_correction_with_a_note()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, Government, "/graduate-outcomes");
        await page.WaitForSelectorAsync("#aggregate-table tbody tr th");
        Assert.True(await page.Locator("#aggregate-table tbody tr").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, "graduate-outcomes-government");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/white-papers");
        await page.ClickAsync("#paper-generate");
        await page.WaitForSelectorAsync("#paper-preview");
        Assert.Contains("就业质量白皮书", await page.TextContentAsync("#paper-title"));
        Assert.EndsWith("format=docx", await page.GetAttributeAsync("#paper-docx", "href"));
        var docx = await page.APIRequest.GetAsync((await page.GetAttributeAsync("#paper-docx", "href"))!);
        Assert.Equal(200, docx.Status);
        Assert.Contains("wordprocessingml", docx.Headers["content-type"]);
        await BrowserFixture.ScreenshotAsync(page, "white-paper");

        // Publishing freezes a first revision; a second needs a note (the API's 400 under the note), then it is revision 2.
        await page.ClickAsync("#publish-paper");
        await page.WaitForSelectorAsync("#edition-table .el-table__body tr:has-text('第 1 版')");
        await page.ClickAsync("#publish-paper");
        var noteError = page.Locator(".el-form-item.is-error:has(#publish-note) .el-form-item__error");
        await noteError.WaitForAsync();
        Assert.Contains("更正说明", await noteError.TextContentAsync());
        errors.RemoveAll(e => e.Contains("400", StringComparison.Ordinal) && e.Contains("/api/white-papers", StringComparison.Ordinal));
        await page.FillAsync("#publish-note", "补充了一所院校的更正数据。");
        await page.ClickAsync("#publish-paper");
        await page.WaitForSelectorAsync("#edition-table .el-table__body tr:has-text('第 2 版'):has-text('补充了一所院校')");
        var frozen = await page.APIRequest.GetAsync((await page.Locator("#edition-table .el-table__body tr:has-text('第 2 版') a:has-text('Word')").GetAttributeAsync("href"))!);
        Assert.Equal(200, frozen.Status);
        Assert.Contains("wordprocessingml", frozen.Headers["content-type"]);
        await BrowserFixture.FinishAsync(page, errors, "white-paper-editions");
    }
}
