using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Api.Tests;

/// <summary>Fresh self-registered accounts, so a test can end sessions or change passwords without touching the shared demo accounts.</summary>
internal static class TestAccounts
{
    public const string Password = "Str0ng#Pass";

    public static async Task<string> RegisterAsync(ChainLinkApiFactory api)
    {
        using var anonymous = api.CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email, password = Password, organisationName = $"会话测试企业{Guid.NewGuid():N}", kind = "Enterprise", regionCode = "150200",
        })).JsonAsync(HttpStatusCode.Accepted);
        return email;
    }

    /// <summary>Signs in for a bearer token: the answer's accessToken and refreshToken.</summary>
    public static async Task<(string Access, string Refresh)> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var tokens = await (await client.PostJsonAsync("/api/auth/login", new { email, password })).JsonAsync(HttpStatusCode.OK);
        return Tokens(tokens);
    }

    public static (string Access, string Refresh) Tokens(JsonElement body) =>
        (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);

    public static HttpRequestMessage Bearer(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task DisableAsync(ChainLinkApiFactory api, string email)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        Assert.True(result.Succeeded);
    }
}
