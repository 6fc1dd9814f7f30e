using System.Text.Json;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>
/// A cooperation across two signed-in organisations: the demo enterprise proposes to the demo college from a demand's
/// matches, the college accepts, the enterprise reports a graduate hire, the college confirms it and both see it confirmed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CooperationTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_enterprise_proposes_the_college_accepts_and_confirms_the_hire_the_enterprise_reported()
    {
        var (college, collegeErrors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(college, "college@demo.chainlink.cn", "/proposals");
        var me = JsonDocument.Parse(await (await college.APIRequest.GetAsync("/api/auth/me")).TextAsync()).RootElement;
        var collegeId = me.GetProperty("organisationId").GetString()!;
        var collegeName = me.GetProperty("organisationName").GetString()!;

        var (enterprise, enterpriseErrors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(enterprise, "enterprise@demo.chainlink.cn", "/demands");
        var demandId = await OpenDemandMatchingAsync(enterprise, collegeId);

        // The proposal form from the demand's matches: an empty one shows the 400's field errors on their fields.
        await enterprise.GotoAsync($"/demands/{demandId}");
        var match = enterprise.Locator($"#match-table .el-table__body tr:has-text('{collegeName}')").First;
        await match.Locator("button:has-text('提议合作')").ClickAsync();
        await enterprise.ClickAsync("#send-proposal");
        await enterprise.WaitForSelectorAsync("#proposal-problem");
        Assert.True(await enterprise.Locator("#proposal-form .el-form-item.is-error:has(#proposal-message)").IsVisibleAsync(), "no error under the message");
        enterpriseErrors.RemoveAll(e => e.Contains("400", StringComparison.Ordinal));

        var message = $"拟共建订单班并录用毕业生（浏览器测试 {Guid.NewGuid():N}）。";
        await enterprise.ClickAsync("#proposal-modes label:has-text('订单班')");
        await enterprise.FillAsync("#proposal-message", message);
        await enterprise.ClickAsync("#send-proposal");
        await enterprise.WaitForSelectorAsync("#proposal-form", new() { State = WaitForSelectorState.Hidden });

        await enterprise.GotoAsync("/proposals");
        await enterprise.ClickAsync(".el-tabs__item:has-text('发出的')");
        var sent = enterprise.Locator($"#proposal-table .el-table__body tr:has-text('{message}')");
        await sent.WaitForAsync();
        Assert.Contains("待答复", await sent.TextContentAsync());
        Assert.Contains("订单班", await sent.TextContentAsync());
        await PageChecks.CheckAtBothWidthsAsync(enterprise, "proposals-sent");

        // The college accepts; the enterprise's contact details appear only now.
        await college.GotoAsync("/proposals");
        var received = college.Locator($"#proposal-table .el-table__body tr:has-text('{message}')");
        await received.WaitForAsync();
        Assert.Equal(0, await received.Locator(".contact").CountAsync());
        await PageChecks.CheckAtBothWidthsAsync(college, "proposals-received");
        await received.Locator("button:has-text('接受')").ClickAsync();
        await received.Locator(".el-tag:has-text('已接受')").WaitForAsync();
        Assert.Equal(1, await received.Locator(".contact").CountAsync());
        await received.Locator("a:has-text('查看协议')").ClickAsync();
        await college.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/agreements/[0-9a-f-]{36}$"));
        var agreementUrl = college.Url;
        Assert.Equal("执行中", (await college.TextContentAsync("#agreement-status"))?.Trim());

        // The enterprise reports three graduates hired; the college, the other party, confirms them.
        await enterprise.GotoAsync(agreementUrl);
        await enterprise.ClickAsync("#report-outcome");
        await enterprise.FillAsync("#outcome-quantity", "3");
        await enterprise.ClickAsync("#save-outcome");
        var reported = enterprise.Locator("#outcome-table .el-table__body tr:has-text('毕业生录用')");
        await reported.Locator(".el-tag:has-text('待确认')").WaitForAsync();
        Assert.Equal(0, await reported.Locator("button:has-text('确认')").CountAsync());

        await college.ReloadAsync();
        var toConfirm = college.Locator("#outcome-table .el-table__body tr:has-text('毕业生录用')");
        await toConfirm.Locator(".el-tag:has-text('待确认')").WaitForAsync();
        await toConfirm.Locator("button:has-text('确认')").ClickAsync();
        await toConfirm.Locator(".el-tag:has-text('已确认')").WaitForAsync();
        Assert.Contains("3", await toConfirm.TextContentAsync());
        await college.Locator("#audit-table .el-table__body tr:has-text('成果')").First.WaitForAsync();
        await NoToastAsync(college);
        await PageChecks.CheckAtBothWidthsAsync(college, "agreement-college");

        await enterprise.ReloadAsync();
        await enterprise.Locator("#outcome-table .el-table__body tr:has-text('毕业生录用') .el-tag:has-text('已确认')").WaitForAsync();
        await PageChecks.CheckAtBothWidthsAsync(enterprise, "agreement-enterprise");

        await NoToastAsync(college);
        await NoToastAsync(enterprise);
        await BrowserFixture.FinishAsync(college, collegeErrors, "agreement-confirmed-college");
        await BrowserFixture.FinishAsync(enterprise, enterpriseErrors, "agreement-confirmed-enterprise");
    }

    [Fact]
    public async Task A_college_declines_with_a_reason_disputes_a_report_and_the_enterprise_corrects_it()
    {
        var (college, collegeErrors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(college, "college@demo.chainlink.cn", "/proposals");
        var collegeId = JsonDocument.Parse(await (await college.APIRequest.GetAsync("/api/auth/me")).TextAsync()).RootElement.GetProperty("organisationId").GetString();
        var (enterprise, enterpriseErrors) = await browser.NewPageAsync(PageChecks.Desktop, 900);
        await BrowserFixture.SignInAsync(enterprise, "enterprise@demo.chainlink.cn", "/demands");

        // Declined in the dialog, with the reason the proposer then reads.
        var declined = await ProposeAsync(enterprise, collegeId!, "OrderClass");
        await college.ReloadAsync();
        var row = college.Locator($"#proposal-table .el-table__body tr:has-text('{declined.Message}')");
        await row.Locator("button:has-text('拒绝')").ClickAsync();
        await college.FillAsync("#decline-reason", "本年度订单班名额已满。");
        await college.ClickAsync("#confirm-decline");
        await row.Locator(".el-tag:has-text('已拒绝')").WaitForAsync();
        Assert.Contains("理由：本年度订单班名额已满。", await row.TextContentAsync());

        // An accepted one, where the enterprise reports interns the college disputes.
        var accepted = await ProposeAsync(enterprise, collegeId!, "Internship");
        var answer = await college.APIRequest.PostAsync($"/api/proposals/{accepted.Id}/accept", new() { DataObject = new { version = accepted.Version, reason = (string?)null } });
        Assert.True(answer.Ok, $"accept: {answer.Status}");
        var agreementId = JsonDocument.Parse(await answer.TextAsync()).RootElement.GetProperty("agreementId").GetString();
        var reported = await enterprise.APIRequest.PostAsync($"/api/agreements/{agreementId}/outcomes", new()
        {
            DataObject = new { kind = "InternsHosted", year = DateTime.UtcNow.Year, quantity = 12, contractValue = (long?)null, programmeId = (Guid?)null, patentNumbers = (string[]?)null, note = (string?)null },
        });
        Assert.Equal(201, reported.Status);

        await college.GotoAsync($"/agreements/{agreementId}");
        var outcome = college.Locator("#outcome-table .el-table__body tr:has-text('接收实习生')");
        await outcome.Locator("button:has-text('异议')").ClickAsync();
        await college.FillAsync("#reason-input", "实际接收实习生 10 人。");
        await college.ClickAsync("#submit-reason");
        await outcome.Locator(".el-tag:has-text('有异议')").WaitForAsync();
        Assert.Contains("异议：实际接收实习生 10 人。", await outcome.TextContentAsync());

        await enterprise.GotoAsync($"/agreements/{agreementId}");
        var own = enterprise.Locator("#outcome-table .el-table__body tr:has-text('接收实习生')");
        await own.Locator("button:has-text('更正')").ClickAsync();
        await enterprise.FillAsync("#outcome-quantity", "10");
        await enterprise.ClickAsync("#save-outcome");
        await own.Locator(".el-tag:has-text('待确认')").WaitForAsync();
        Assert.Contains("10", await own.Locator("td").Nth(2).TextContentAsync());

        await NoToastAsync(college);
        await NoToastAsync(enterprise);
        await BrowserFixture.FinishAsync(college, collegeErrors, "agreement-disputed-college");
        await BrowserFixture.FinishAsync(enterprise, enterpriseErrors, "agreement-corrected-enterprise");
    }

    private sealed record Proposed(string Id, int Version, string Message);

    private static async Task<Proposed> ProposeAsync(IPage enterprise, string collegeId, string mode)
    {
        var message = $"浏览器测试提议 {Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await enterprise.APIRequest.PostAsync("/api/proposals", new()
        {
            DataObject = new
            {
                toOrganisationId = collegeId, demandId = (Guid?)null, programmeId = (Guid?)null, technologyNeedId = (Guid?)null,
                modes = new[] { mode }, message, validUntil = DateTime.UtcNow.AddDays(14), startDate = today.AddDays(30),
                endDate = today.AddYears(1), entityKind = (string?)null,
            },
        });
        Assert.Equal(201, response.Status);
        var body = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return new(body.GetProperty("id").GetString()!, body.GetProperty("version").GetInt32(), message);
    }

    /// <summary>
    /// Waits until the success messages (已确认。 …) have faded out: axe-core reads the colours of a message halfway
    /// transparent as too little contrast.
    /// </summary>
    private static Task NoToastAsync(IPage page) =>
        page.Locator(".el-message").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });

    /// <summary>An open demand of the signed-in enterprise whose matches include the college (the demo data's own).</summary>
    private static async Task<string> OpenDemandMatchingAsync(IPage page, string collegeId)
    {
        var demands = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/demands?mine=true&status=Open&pageSize=100")).TextAsync()).RootElement;
        foreach (var demand in demands.GetProperty("items").EnumerateArray())
        {
            var id = demand.GetProperty("id").GetString()!;
            var matches = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/demands/{id}/matches?top=10")).TextAsync()).RootElement;
            if (matches.GetProperty("results").EnumerateArray().Any(m => m.GetProperty("collegeId").GetString() == collegeId)) return id;
        }
        throw new InvalidOperationException("no open demo demand of the enterprise matches the demo college");
    }
}
