using System.Net;
using System.Net.Http.Json;

namespace ChainLink.Api.Tests;

/// <summary>Sessions end: logout, refresh-token rotation and reuse, disabled accounts, password changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ChainLinkApiFactory api)
{
    private async Task<HttpStatusCode> MeAsync(HttpClient client, string token) =>
        (await client.SendAsync(TestAccounts.Bearer(HttpMethod.Get, "/api/auth/me", token))).StatusCode;

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostJsonAsync("/api/auth/refresh", new { refreshToken });

    [Fact]
    public async Task Logout_ends_the_bearer_token_and_its_refresh_token()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient();
        var (access, refresh) = await TestAccounts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, access));

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(TestAccounts.Bearer(HttpMethod.Post, "/api/auth/logout", access))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, access));
        await (await RefreshAsync(client, refresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_a_replayed_cookie()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await client.PostJsonAsync("/api/auth/login?useCookies=true", new { email, password = TestAccounts.Password });
        await login.JsonAsync(HttpStatusCode.OK);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        HttpRequestMessage WithCookie(HttpMethod method, string url) => new(method, url) { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithCookie(HttpMethod.Get, "/api/auth/me"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(WithCookie(HttpMethod.Post, "/api/auth/logout"))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithCookie(HttpMethod.Get, "/api/auth/me"))).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_each_refresh_returns_a_new_one()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient();
        var (_, first) = await TestAccounts.SignInAsync(client, email);

        var (access, second) = TestAccounts.Tokens(await (await RefreshAsync(client, first)).JsonAsync(HttpStatusCode.OK));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, access));

        var problem = await (await RefreshAsync(client, first)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("刷新失败。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_every_token_of_that_sign_in()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient();
        var (_, stolen) = await TestAccounts.SignInAsync(client, email);
        var (access, newest) = TestAccounts.Tokens(await (await RefreshAsync(client, stolen)).JsonAsync(HttpStatusCode.OK));
        var (otherSignIn, _) = await TestAccounts.SignInAsync(client, email);

        await (await RefreshAsync(client, stolen)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        await (await RefreshAsync(client, newest)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, access));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, otherSignIn));
    }

    [Fact]
    public async Task A_disabled_user_cannot_refresh_nor_use_its_token()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient();
        var (access, refresh) = await TestAccounts.SignInAsync(client, email);

        await TestAccounts.DisableAsync(api, email);

        await (await RefreshAsync(client, refresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, access));
        var login = await client.PostJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password });
        Assert.Equal("账号已停用。", (await login.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_and_the_new_password_signs_in()
    {
        var email = await TestAccounts.RegisterAsync(api);
        using var client = api.CreateClient();
        var (other, otherRefresh) = await TestAccounts.SignInAsync(client, email);
        var (mine, _) = await TestAccounts.SignInAsync(client, email);

        var wrong = TestAccounts.Bearer(HttpMethod.Post, "/api/auth/password", mine);
        wrong.Content = JsonContent.Create(new { currentPassword = "not-the-password", newPassword = "N3w#Password" });
        await (await client.SendAsync(wrong)).AssertFieldErrorAsync("currentPassword");

        var change = TestAccounts.Bearer(HttpMethod.Post, "/api/auth/password", mine);
        change.Content = JsonContent.Create(new { currentPassword = TestAccounts.Password, newPassword = "N3w#Password" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(change)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, other));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, mine));
        await (await RefreshAsync(client, otherRefresh)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/auth/login", new { email, password = TestAccounts.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var (fresh, _) = await TestAccounts.SignInAsync(client, email, "N3w#Password");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, fresh));
    }

    [Theory]
    [InlineData("/api/auth/login", """{"email":null,"password":null}""", "email")]
    [InlineData("/api/auth/login", """{"email":"a@b.cn","password":""}""", "password")]
    [InlineData("/api/auth/password", """{"currentPassword":null,"newPassword":null}""", "currentPassword")]
    [InlineData("/api/auth/refresh", """{"refreshToken":null}""", "refreshToken")]
    [InlineData("/api/auth/refresh", """{"refreshToken":""}""", "refreshToken")]
    public async Task Sign_in_requests_with_missing_fields_get_400_naming_the_field(string url, string body, string field)
    {
        using var client = await api.ClientForAsync(ChainLinkApiFactory.Enterprise2);
        await (await client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).AssertFieldErrorAsync(field);
    }

    [Theory]
    [InlineData("""{"refreshToken":"%%%not-base64"}""")]
    [InlineData("""{"refreshToken":"AAAA"}""")]
    public async Task A_malformed_refresh_token_gets_401(string body)
    {
        using var client = api.CreateClient();
        await (await client.PostAsync("/api/auth/refresh", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
