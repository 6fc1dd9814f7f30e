using System.Text.Json;

namespace ChainLink.Browser.Tests;

/// <summary>The inbox of an organisation: the header badge counts what awaits it, the inbox page lists it and marks it read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_college_sees_a_proposal_it_received_in_its_inbox_badge_and_marks_it_read()
    {
        var (page, errors) = await browser.NewPageAsync(1440, 900);
        await BrowserFixture.SignInAsync(page, "college@demo.chainlink.cn", "/programmes");
        var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/auth/me")).TextAsync()).RootElement;
        var college = me.GetProperty("organisationId").GetString();

        // The enterprise proposes, from its own session.
        await using var enterprise = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var signedIn = await enterprise.APIRequest.PostAsync("/api/auth/login?useCookies=true",
            new() { DataObject = new { email = "enterprise@demo.chainlink.cn", password = BrowserFixture.Password } });
        Assert.True(signedIn.Ok, $"enterprise sign-in: {signedIn.Status}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var proposed = await enterprise.APIRequest.PostAsync("/api/proposals", new()
        {
            DataObject = new
            {
                toOrganisationId = college, demandId = (Guid?)null, programmeId = (Guid?)null, technologyNeedId = (Guid?)null,
                modes = new[] { "OrderClass" }, message = "拟共建订单班（收件箱测试）。", validUntil = DateTime.UtcNow.AddDays(14),
                startDate = today.AddDays(30), endDate = today.AddYears(2), entityKind = (string?)null,
            },
        });
        Assert.Equal(201, proposed.Status);

        // The badge is read when a page opens (and again on every page change).
        await page.GotoAsync("/programmes");
        var badge = page.Locator("#inbox-link .el-badge__content");
        await badge.WaitForAsync();
        var before = int.Parse((await badge.TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before >= 1, "the badge counts no unread item");

        await page.ClickAsync("#inbox-link");
        await page.WaitForURLAsync("**/inbox");
        var row = page.Locator("#inbox-table .el-table__body tr:has-text('收到合作提议')").First;
        await row.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "inbox");

        var unreadRows = await page.Locator("#inbox-table button:has-text('标为已读')").CountAsync();
        await row.Locator("button:has-text('标为已读')").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#inbox-table button').length === {unreadRows - 1}");
        await page.WaitForFunctionAsync($"() => {{ const b = document.querySelector('#inbox-link .el-badge__content'); return !b || b.style.display === 'none' || b.textContent.trim() === '{before - 1}'; }}");
        if (before == 1) Assert.False(await badge.IsVisibleAsync(), "the badge still shows after the last unread item was read");
        else Assert.Equal((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await badge.TextContentAsync())!.Trim());
        await BrowserFixture.FinishAsync(page, errors, "inbox-read");
    }
}
