using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>Each role's main path through its workspace pages, on the real API and the demo data.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WorkspaceTests(BrowserFixture browser)
{
    private const string College = "college@demo.chainlink.cn";
    private const string Government = "government@demo.chainlink.cn";
    private const string Admin = "admin@demo.chainlink.cn";
    // Not used by the other browser tests, which sign in as the first enterprise; enabled again at the end.
    private const string Disabled = "enterprise2@demo.chainlink.cn";

    [Fact]
    public async Task College_edits_a_programme_and_sees_the_demands_it_matches_with_sentences()
    {
        var (page, errors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(page, College, "/programmes");
        await page.WaitForSelectorAsync("#programme-table a");
        await PageChecks.CheckAtBothWidthsAsync(page, "programmes");

        await page.Locator("#programme-table a").First.ClickAsync();
        // The heading names the programme once it has loaded into the form.
        await page.WaitForSelectorAsync("h1:has-text('编辑专业点')");
        if (await page.Locator("[data-module]").CountAsync() == 0)
        {
            await page.ClickAsync("#add-module");
            await page.FillAsync("#module-0-name", "光伏电站运行与维护");
        }

        // A module of no hours: the API's 400 names modules[0].hours and the page shows it under that field.
        await page.FillAsync("#module-0-hours", "0");
        await page.ClickAsync("#save-programme");
        var hoursError = page.Locator("[data-module='0'] .el-form-item.is-error .el-form-item__error");
        await hoursError.WaitForAsync();
        Assert.Contains("学时", await hoursError.First.TextContentAsync() ?? "");
        errors.RemoveAll(e => e.Contains("400", StringComparison.Ordinal) && e.Contains("/api/programmes/", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "programme-validation");

        // Fixed, and a skill taught added through the picker by its alias.
        await page.FillAsync("#module-0-hours", "72");
        var skillsBefore = await page.Locator("[data-module='0'] [data-skill]").CountAsync();
        await page.FocusAsync("#module-0-skill-picker");
        await page.Keyboard.TypeAsync("PLC");
        var option = page.Locator(".el-select-dropdown:visible .el-select-dropdown__item").First;
        await option.WaitForAsync();
        await option.ClickAsync();
        Assert.Equal(skillsBefore + 1, await page.Locator("[data-module='0'] [data-skill]").CountAsync());
        await page.ClickAsync("#save-programme");
        await page.Locator(".el-message--success").Or(page.Locator("#form-problem, #stale-notice")).First.WaitForAsync();
        Assert.False(await page.Locator("#form-problem, #stale-notice").IsVisibleAsync(),
            string.Join(" | ", await page.Locator("#form-problem, #stale-notice, .el-form-item__error, .field-message").AllTextContentsAsync()));
        Assert.Equal(0, await page.Locator(".el-form-item.is-error").CountAsync());

        // What it matches, each with its plain sentences beside the numbers.
        await page.WaitForSelectorAsync("#match-table .sentences li");
        var sentences = await page.Locator("#match-table .sentences li").AllTextContentsAsync();
        Assert.Contains(sentences, s => Kilometres().IsMatch(s) || s.Contains("技能", StringComparison.Ordinal));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#match-table .sentences li");
        Assert.Equal(skillsBefore + 1, await page.Locator("[data-module='0'] [data-skill]").CountAsync());
        await PageChecks.CheckAtBothWidthsAsync(page, "programme-editor");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Government_publishes_a_revision_and_sees_the_difference()
    {
        await TeachANewSkillAsync();
        var (page, errors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(page, Government, "/editions");
        await page.WaitForSelectorAsync("#edition-table .el-table__row");
        var revisionsBefore = await page.Locator("#edition-table .el-table__row").CountAsync();

        await BrowserFixture.ChooseAsync(page, "#revise-quarter", "年第");
        await BrowserFixture.ChooseAsync(page, "#revise-kind", "新数据");
        await page.FillAsync("#revise-note", "补录了本季度迟报的企业需求。");
        await page.ClickAsync("#revise-button");

        // The new revision is listed, and compared with the one before it at once.
        await page.WaitForSelectorAsync("#comparison-counts");
        Assert.Equal(revisionsBefore + 1, await page.Locator("#edition-table .el-table__row").CountAsync());
        var comparison = page.Locator("#comparison");
        Assert.Contains("补录了本季度迟报的企业需求。", await comparison.TextContentAsync() ?? "");
        Assert.Contains("新数据", await comparison.TextContentAsync() ?? "");
        var counts = await page.Locator("#comparison-counts b").AllTextContentsAsync();
        Assert.Equal(4, counts.Count);
        Assert.True(counts.Sum(int.Parse) > 0, "the comparison counted no cell");
        // The college's new module changed the supply behind some cells since the first revision.
        Assert.True(counts.Take(3).Sum(int.Parse) > 0, $"no cell changed, was added or removed: {string.Join(", ", counts)}");
        Assert.True(await page.Locator("#changed-cells .changed-cell, #added-removed li").CountAsync() > 0, "the differences are not listed");
        // One row head per changed cell, the first 50 shown.
        Assert.Equal(Math.Min(int.Parse(counts[0]), 50), await page.Locator("#changed-cells tbody th").CountAsync());
        await PageChecks.CheckAtBothWidthsAsync(page, "editions-compare");

        await page.GotoAsync("/reviews");
        await page.WaitForSelectorAsync("#pending-table");
        await PageChecks.CheckAtBothWidthsAsync(page, "reviews");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_disables_a_user_who_then_cannot_sign_in()
    {
        var (page, errors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(page, Admin, "/admin/users");
        await page.WaitForSelectorAsync("#user-table .el-table__row");
        await page.FillAsync("#user-search", Disabled);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#user-table .el-table__row').length === 1");
        var toggle = page.Locator($"#user-table button[data-user='{Disabled}']");

        // Disabling asks first; the confirmation is the only way on.
        await toggle.ClickAsync();
        var confirm = page.Locator(".el-message-box");
        await confirm.WaitForAsync();
        // The dialog fades in: axe measures contrast on the colours as they end, not half-way.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        Assert.Contains(Disabled, await confirm.TextContentAsync() ?? "");
        await BrowserFixture.AssertAccessibleAsync(page);
        await confirm.Locator("button:has-text('停用')").ClickAsync();
        await page.Locator("#user-table .el-table__row:has-text('已停用')").WaitForAsync();
        await PageChecks.CheckAtBothWidthsAsync(page, "users");

        var (other, _) = await browser.NewPageAsync();
        await other.GotoAsync("/login?returnUrl=%2Fdemands");
        await other.FillAsync("#email", Disabled);
        await other.FillAsync("#password", BrowserFixture.Password);
        await other.ClickAsync("#login-submit");
        await other.WaitForSelectorAsync("#login-error");
        Assert.Contains("已被停用", await other.TextContentAsync("#login-error"));
        Assert.Contains("/login", other.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(other, "disabled-user-sign-in");
        await other.Context.CloseAsync();

        await toggle.ClickAsync();
        await page.Locator("#user-table .el-table__row:has-text('正常')").WaitForAsync();

        await page.GotoAsync("/admin/organisations");
        await page.WaitForSelectorAsync("#organisation-table .el-table__row");
        await BrowserFixture.ChooseAsync(page, "#organisation-kind", "院校");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#organisation-table .el-table__row')].every(r => r.textContent.includes('院校'))");
        await PageChecks.CheckAtBothWidthsAsync(page, "organisations");

        await page.GotoAsync("/admin/skills");
        await page.FillAsync("#skill-search", "PLC");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#skill-table .el-table__row:has-text('PLC')");
        await PageChecks.CheckAtBothWidthsAsync(page, "skills");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The college adds a module teaching a skill its first programme did not teach (through the API, as the editor
    /// would), so the revision the government publishes next differs from the one before it.
    /// </summary>
    private async Task TeachANewSkillAsync()
    {
        var (page, _) = await browser.NewPageAsync();
        var request = page.Context.APIRequest;
        var login = await request.PostAsync("/api/auth/login?useCookies=true", new() { DataObject = new { email = College, password = BrowserFixture.Password } });
        Assert.True(login.Ok, $"college sign-in: {login.Status}");
        var list = JsonNode.Parse(await (await request.GetAsync("/api/programmes?mine=true&pageSize=1")).TextAsync())!;
        var id = list["items"]![0]!["id"]!.GetValue<string>();
        var programme = JsonNode.Parse(await (await request.GetAsync($"/api/programmes/{id}")).TextAsync())!.AsObject();
        var taught = programme["modules"]!.AsArray().SelectMany(m => m!["skills"]!.AsArray()).Select(k => k!["skillCode"]!.GetValue<string>()).ToHashSet();
        var skills = JsonNode.Parse(await (await request.GetAsync("/api/taxonomy/skills?pageSize=100")).TextAsync())!["items"]!.AsArray();
        var code = skills.Select(k => k!["code"]!.GetValue<string>()).First(c => !taught.Contains(c));
        programme["modules"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "新增实训模块", ["hours"] = 48, ["learningOutcomes"] = "",
            ["skills"] = new JsonArray(new JsonObject { ["skillCode"] = code, ["level"] = 2 }),
        });
        var saved = await request.PutAsync($"/api/programmes/{id}", new() { DataString = programme.ToJsonString(), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });
        Assert.True(saved.Ok, $"programme edit: {saved.Status} {await saved.TextAsync()}");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"\d+ 公里")]
    private static partial Regex Kilometres();
}
