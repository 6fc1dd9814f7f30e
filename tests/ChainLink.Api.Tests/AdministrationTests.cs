using System.Net;
using System.Text.Json;
using ChainLink.Domain.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Administrators list, disable and enable accounts, and list organisations; government users see their region's.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdministrationTests(ChainLinkApiFactory api)
{
    private async Task<JsonElement> UserAsync(HttpClient admin, string email)
    {
        var page = await (await admin.GetAsync($"/api/admin/users?q={Uri.EscapeDataString(email)}")).JsonAsync(HttpStatusCode.OK);
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_cookie_and_bearer_token_stop_at_once()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var (access, _) = await TestAccounts.SignInAsync(client, email);
        var login = await client.PostJsonAsync("/api/auth/login?useCookies=true", new { email, password = TestAccounts.Password });
        await login.JsonAsync(HttpStatusCode.OK);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        HttpRequestMessage WithCookie() => new(HttpMethod.Get, "/api/auth/me") { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithCookie())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(TestAccounts.Bearer(HttpMethod.Get, "/api/auth/me", access))).StatusCode);

        var admin = await api.ClientForAsync(Admin);
        var user = await UserAsync(admin, email);
        Assert.False(user.GetProperty("disabled").GetBoolean());
        Assert.Equal(["Enterprise"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Enterprise", user.GetProperty("organisationKind").GetString());
        Assert.Equal(JsonValueKind.String, user.GetProperty("lastSignInAt").ValueKind);
        var id = user.GetProperty("id").GetGuid();

        var disabled = await (await admin.PostAsync($"/api/admin/users/{id}/disable", null)).JsonAsync(HttpStatusCode.OK);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithCookie())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(TestAccounts.Bearer(HttpMethod.Get, "/api/auth/me", access))).StatusCode);
        var refused = await (await client.PostJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("账号已停用。", refused.GetProperty("title").GetString());
        Assert.Equal(0, await api.QueryAsync(db => db.Set<ChainLink.Infrastructure.Identity.UserSession>().CountAsync(s => s.UserId == id && s.RevokedAt == null)));
        Assert.True(await api.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.UserDisabled && e.UserId == id)));
        Assert.Contains(id, (await (await admin.GetAsync("/api/admin/users?disabled=true&pageSize=200")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));

        var enabled = await (await admin.PostAsync($"/api/admin/users/{id}/enable", null)).JsonAsync(HttpStatusCode.OK);
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        await TestAccounts.SignInAsync(client, email);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themself()
    {
        var admin = await api.ClientForAsync(Admin);
        var me = await UserAsync(admin, Admin);

        var problem = await (await admin.PostAsync($"/api/admin/users/{me.GetProperty("id").GetGuid()}/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("不能停用自己的账号", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await UserAsync(admin, Admin)).GetProperty("disabled").GetBoolean());
        await (await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Enterprise)]
    [InlineData(College)]
    [InlineData(Government)]
    public async Task Only_administrators_list_disable_and_enable_users(string email)
    {
        var client = await api.ClientForAsync(email);
        var victim = (await UserAsync(await api.ClientForAsync(Admin), College2)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/users/{victim}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/users/{victim}/enable", null)).StatusCode);
        Assert.False((await UserAsync(await api.ClientForAsync(Admin), College2)).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Administrators_list_every_organisation_and_government_users_those_of_their_region()
    {
        var admin = await api.ClientForAsync(Admin);
        var government = await api.ClientForAsync(Government);
        var total = await api.QueryAsync(db => db.Organisations.CountAsync());
        var governmentOrganisation = (await (await government.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK)).GetProperty("organisationId").GetGuid();
        var region = await api.QueryAsync(db => db.Organisations.Where(o => o.Id == governmentOrganisation).Select(o => o.RegionCode).SingleAsync());
        var prefix = region.EndsWith("0000", StringComparison.Ordinal) ? region[..2] : region;

        var all = await (await admin.GetAsync("/api/organisations?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(total, all.GetProperty("total").GetInt32());
        var mine = await (await government.GetAsync("/api/organisations?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var mineCodes = mine.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("regionCode").GetString()!).ToList();
        Assert.NotEmpty(mineCodes);
        Assert.All(mineCodes, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal));

        var colleges = await (await admin.GetAsync("/api/organisations?kind=College&status=Approved&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.All(colleges.GetProperty("items").EnumerateArray(), o =>
        {
            Assert.Equal("College", o.GetProperty("kind").GetString());
            Assert.Equal("Approved", o.GetProperty("status").GetString());
        });
        var named = await (await admin.GetAsync($"/api/organisations?q={Uri.EscapeDataString("职业技术学院")}")).JsonAsync(HttpStatusCode.OK);
        Assert.All(named.GetProperty("items").EnumerateArray(), o => Assert.Contains("职业技术学院", o.GetProperty("name").GetString(), StringComparison.Ordinal));

        await (await admin.GetAsync("/api/organisations?region=999999")).AssertFieldErrorAsync("region");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientForAsync(Enterprise)).GetAsync("/api/organisations")).StatusCode);
    }
}
