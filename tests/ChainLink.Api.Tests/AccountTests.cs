using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccountTests(ChainLinkApiFactory api)
{
    [Theory]
    [InlineData(Enterprise, "Enterprise")]
    [InlineData(Enterprise2, "Enterprise")]
    [InlineData(College, "College")]
    [InlineData(College2, "College")]
    [InlineData(Government, "Government")]
    [InlineData(Admin, "Admin")]
    public async Task Each_demo_account_signs_in_with_its_role_and_organisation(string email, string role)
    {
        var client = await api.ClientForAsync(email);
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEqual(Guid.Empty, me.GetProperty("organisationId").GetGuid());
    }

    [Fact]
    public async Task The_demo_profile_lists_only_the_enterprise_and_college_accounts_with_their_password()
    {
        using var client = api.CreateClient();
        var demo = await (await client.GetAsync("/api/auth/demo-accounts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Password, demo.GetProperty("password").GetString());
        var accounts = demo.GetProperty("accounts").EnumerateArray().Select(a => (a.GetProperty("email").GetString(), a.GetProperty("role").GetString())).ToList();
        Assert.Contains((College, "College"), accounts);
        Assert.Contains((Enterprise, "Enterprise"), accounts);
        Assert.DoesNotContain(accounts, a => a.Item2 is "Government" or "Admin");
        Assert.Equal(4, accounts.Count);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem()
    {
        using var client = api.CreateClient();
        await (await client.PostJsonAsync("/api/auth/login", new { email = Enterprise, password = "wrong-password" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_token_gives_a_working_access_token()
    {
        using var client = api.CreateClient();
        var login = await (await client.PostJsonAsync("/api/auth/login", new { email = College, password = Password })).JsonAsync(HttpStatusCode.OK);
        var refreshed = await (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("accessToken").GetString());
        await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_sign_in_serves_the_pages_session()
    {
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        await (await client.PostJsonAsync("/api/auth/login?useCookies=true", new { email = Government, password = Password })).JsonAsync(HttpStatusCode.OK);
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Government"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("150800")]
    [InlineData("152900")]
    public async Task Me_names_the_region_the_organisation_registered_in_so_forms_can_start_from_it(string region)
    {
        using var anonymous = api.CreateClient();
        var email = $"hr-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email, password = "Str0ng#Pass", organisationName = $"地区测试有限公司{Guid.NewGuid():N}", kind = "Enterprise", regionCode = region,
        })).JsonAsync(HttpStatusCode.Accepted);

        var client = await api.ClientForAsync(email, "Str0ng#Pass");
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(region, me.GetProperty("organisationRegionCode").GetString());
    }

    [Fact]
    public async Task Enterprise_registers_itself_and_can_post_demands()
    {
        using var anonymous = api.CreateClient();
        var email = $"hr-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email, password = "Str0ng#Pass", organisationName = $"包头测试稀土有限公司{Guid.NewGuid():N}", kind = "Enterprise", regionCode = "150200",
        })).JsonAsync(HttpStatusCode.Accepted);

        var client = await api.ClientForAsync(email, "Str0ng#Pass");
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Enterprise"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await client.PostJsonAsync("/api/demands", DemandTests.ValidDemand())).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Registration_refuses_government_kind_and_weak_passwords_and_ignores_a_taken_email_without_writing()
    {
        using var anonymous = api.CreateClient();
        var before = await api.QueryAsync(db => db.Organisations.CountAsync());
        await (await anonymous.PostJsonAsync("/api/auth/register", new { email = "gov@example.cn", password = "Str0ng#Pass", organisationName = "自称政府", kind = "Government", regionCode = "150000" }))
            .AssertFieldErrorAsync("kind");
        // A taken e-mail is accepted like a new one (so registration does not reveal accounts) and creates nothing.
        await (await anonymous.PostJsonAsync("/api/auth/register", new { email = Enterprise, password = "Str0ng#Pass", organisationName = "重复邮箱公司", kind = "Enterprise", regionCode = "150200" }))
            .JsonAsync(HttpStatusCode.Accepted);
        await (await anonymous.PostJsonAsync("/api/auth/register", new { email = "weak@example.cn", password = "abcdefgh", organisationName = "弱密码公司", kind = "College", regionCode = "150200" }))
            .AssertFieldErrorAsync("password");
        Assert.Equal(before, await api.QueryAsync(db => db.Organisations.CountAsync()));
    }
}
