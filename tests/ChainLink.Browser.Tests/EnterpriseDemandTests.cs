namespace ChainLink.Browser.Tests;

/// <summary>The enterprise's path: its demands, a demand posted from a pasted job ad, and the programmes it matches.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnterpriseDemandTests(BrowserFixture browser)
{
    private const string Enterprise = "enterprise@demo.chainlink.cn";

    private const string Ad = "鄂尔多斯某新能源企业招聘光伏电站运维技术员 6 名：负责光伏电站运维与逆变器检修，持电工证者优先。月薪 6000–8000 元，高职专科及以上。";

    [Fact]
    public async Task An_enterprise_pastes_an_ad_sees_the_skills_highlighted_posts_it_and_sees_its_matches_explained()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, Enterprise, "/demands/new");

        // Posting the empty form: the API's 400 is shown, each field error under its field.
        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("#form-problem");
        Assert.True(await page.Locator(".el-form-item.is-error").CountAsync() >= 2, "the field errors of the 400 are not on the fields");
        Assert.True(await page.Locator(".el-form-item.is-error:has(#demand-title)").IsVisibleAsync(), "no error under the title");
        errors.RemoveAll(e => e.Contains("400", StringComparison.Ordinal) && e.Contains("/api/demands", StringComparison.Ordinal));

        // The real POST /api/demands/draft and POST /api/occupations/suggest read the ad.
        await page.FillAsync("#ad-text", Ad);
        await page.ClickAsync("#recognise");
        await page.WaitForSelectorAsync("#ad-highlighted mark");
        await page.WaitForSelectorAsync("#occupation-suggestions");
        // Every place the words of a found skill stand is marked (光伏电站运维 twice: in the title and in the duties).
        Assert.Equal(["光伏电站运维", "光伏电站运维", "逆变器检修", "电工证"], await page.Locator("#ad-highlighted mark").AllTextContentsAsync());
        Assert.Equal(["电工证"], await page.Locator("#ad-highlighted mark.optional").AllTextContentsAsync());
        Assert.Equal("招聘光伏电站运维技术员 6 名", await page.InputValueAsync("#demand-title"));
        Assert.Equal(3, await page.Locator("#skills .skill-row").CountAsync());
        Assert.Equal("6", await page.InputValueAsync("#demand-headcount"));
        var suggested = page.Locator("#occupation-suggestions .suggestion:has-text('光伏发电运维值班员')");
        Assert.Contains("共有技能 3 项（所需 3 项）", await suggested.TextContentAsync());
        await suggested.ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "demand-from-ad");

        // Removing a skill removes its highlight; making one optional turns its highlight blue.
        await page.ClickAsync("#skills [data-skill='SK0045'] button:has-text('删除')");
        Assert.Equal(["光伏电站运维", "光伏电站运维", "电工证"], await page.Locator("#ad-highlighted mark").AllTextContentsAsync());
        await page.ClickAsync("#skills [data-skill='SK0044'] label:has-text('优先')");
        Assert.Equal(3, await page.Locator("#ad-highlighted mark.optional").CountAsync());
        await page.ClickAsync("#skills [data-skill='SK0044'] label:has-text('必备')");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync("#publish");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/demands/[0-9a-f-]{36}$"));
        Assert.Equal("招聘中", (await page.TextContentAsync("#demand-status"))?.Trim());
        Assert.Contains("光伏发电运维值班员", await page.TextContentAsync(".el-descriptions"));
        await page.WaitForSelectorAsync("#match-table .el-table__body tr");
        var rows = page.Locator("#match-table .el-table__body tr");
        Assert.True(await rows.CountAsync() >= 2, "fewer than two programmes matched");
        Assert.Contains("光伏", await rows.First.TextContentAsync());
        // The explanation is the API's plain-Chinese sentences, for the skills the demand was posted with.
        var sentences = await rows.First.Locator(".sentences li").AllTextContentsAsync();
        Assert.StartsWith("覆盖必备技能 1 项中的 1 项：光伏电站运维", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("覆盖可选技能 1 项中的 1 项：电工作业", sentences[1], StringComparison.Ordinal);
        Assert.Contains(sentences, s => System.Text.RegularExpressions.Regex.IsMatch(s, "^距离 [0-9]+ 公里$"));
        Assert.DoesNotContain(sentences, s => s.Contains("逆变器", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "demand-matches");

        // Two matched programmes side by side.
        await rows.Nth(0).Locator(".el-checkbox").ClickAsync();
        await rows.Nth(1).Locator(".el-checkbox").ClickAsync();
        await page.ClickAsync("#compare-button");
        await page.WaitForSelectorAsync("#compare .el-card >> nth=1");
        Assert.Equal(2, await page.Locator("#compare .el-card").CountAsync());
        Assert.Contains("缺少的技能", await page.TextContentAsync("#compare"));
        await BrowserFixture.FinishAsync(page, errors, "demand-compare");
    }

    [Fact]
    public async Task An_enterprise_lands_on_its_demands_and_filters_them_by_status()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await page.GotoAsync("/login");
        await page.FillAsync("#email", Enterprise);
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/demands");
        await page.WaitForSelectorAsync("#demand-table .el-table__body tr");
        Assert.True(await page.Locator("#demand-table .el-table__body tr").CountAsync() > 0);
        // The 匹配 column: each counted demand's number of good matches, a link to the demand and its matches.
        Assert.Contains("匹配", await page.TextContentAsync("#demand-table .el-table__header"));
        var counts = page.Locator("#demand-table .el-table__body tr a.good-matches");
        Assert.True(await counts.CountAsync() > 0, "no good-match count in the list");
        Assert.Matches("^[0-9]+$", (await counts.First.TextContentAsync())?.Trim() ?? "");
        Assert.Matches("/demands/[0-9a-f-]{36}$", await counts.First.GetAttributeAsync("href") ?? "");
        await BrowserFixture.ScreenshotAsync(page, "demands");

        await BrowserFixture.ChooseAsync(page, "#status-filter", "已关闭");
        await page.WaitForFunctionAsync("() => { const rows = [...document.querySelectorAll('#demand-table .el-table__body tr')]; return rows.length > 0 && rows.every(r => r.textContent.includes('已关闭')); }");
        await BrowserFixture.FinishAsync(page, errors, "demands-closed");
    }

    [Fact]
    public async Task An_enterprise_edits_closes_and_reopens_an_open_demand()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, Enterprise, "/demands");
        await BrowserFixture.ChooseAsync(page, "#status-filter", "招聘中");
        await page.WaitForFunctionAsync("() => { const rows = [...document.querySelectorAll('#demand-table .el-table__body tr')]; return rows.length > 0 && rows.every(r => r.textContent.includes('招聘中')); }");
        await page.Locator("#demand-table .el-table__body tr a").First.ClickAsync();
        await page.WaitForSelectorAsync("#demand-status:has-text('招聘中')");

        // The edit sends the version it read; the saved headcount is what the page shows next.
        await page.ClickAsync("button:has-text('编辑')");
        await page.FillAsync("#demand-headcount", "37");
        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForSelectorAsync(".el-descriptions:has-text('37')");
        await page.ClickAsync("button:has-text('关闭')");
        await page.WaitForSelectorAsync("#demand-status:has-text('已关闭')");
        Assert.Contains("需求发布", await page.TextContentAsync("#match-problem"));
        await page.ClickAsync("#open-demand");
        await page.WaitForSelectorAsync("#demand-status:has-text('招聘中')");
        await page.WaitForSelectorAsync("#match-table .el-table__body tr");
        await BrowserFixture.FinishAsync(page, errors, "demand-reopened");
    }

    [Fact]
    public async Task A_pending_organisation_sees_why_its_records_are_not_public()
    {
        var email = $"hr-{Guid.NewGuid():N}@example.cn";
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        var registered = await page.APIRequest.PostAsync("/api/auth/register", new()
        {
            DataObject = new { email, password = "Pending#2026", organisationName = $"待审核测试{Guid.NewGuid().ToString("N")[..8]}有限公司", kind = "Enterprise", regionCode = "150600" },
        });
        Assert.Equal(202, registered.Status);
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Pending#2026");
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/demands");
        await page.WaitForSelectorAsync("#demand-table:has-text('还没有需求')");
        await page.Locator("#demand-table .el-loading-mask").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden });
        Assert.Contains("待审核", await page.TextContentAsync("#organisation-status"));
        await BrowserFixture.FinishAsync(page, errors, "pending-organisation");
    }
}
