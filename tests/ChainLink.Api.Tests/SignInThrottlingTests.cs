using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Low limits, and callers at addresses of the test's choosing.</summary>
public sealed class ThrottledApiFactory : ChainLinkApiFactory
{
    public const int SignInsPerAddress = 15;
    public const int FreeFailures = 3;
    public const int ExpensivePerUser = 2;
    public const int PerAccount = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:SignInPerAddress:PermitLimit", SignInsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:Expensive:PermitLimit", ExpensivePerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SignInBackoff:FreeFailures", FreeFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SignInBackoff:BaseDelay", "00:01:00");
        builder.UseSetting("RateLimiting:SignInPerAccount:PermitLimit", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    public HttpClient ClientAt(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }
}

public sealed class SignInThrottlingTests(ThrottledApiFactory api) : IClassFixture<ThrottledApiFactory>
{
    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostJsonAsync("/api/auth/login", new { email, password });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁。", problem.GetProperty("title").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Sign_ins_beyond_the_limit_from_one_address_get_429_with_Retry_After()
    {
        using var client = api.ClientAt("192.0.2.10");
        for (var i = 0; i < ThrottledApiFactory.SignInsPerAddress; i++)
            await (await LoginAsync(client, College, Password)).JsonAsync(HttpStatusCode.OK);

        await AssertTooManyAsync(await LoginAsync(client, College, Password));
        using var elsewhere = api.ClientAt("192.0.2.11");
        await (await LoginAsync(elsewhere, College, Password)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_do_not_lock_the_owner_out()
    {
        using var stranger = api.ClientAt("198.51.100.66");
        for (var i = 0; i < 12; i++)
        {
            var status = (await LoginAsync(stranger, Admin, $"guess-{i}")).StatusCode;
            Assert.Contains(status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        }

        using var owner = api.ClientAt("203.0.113.5");
        await (await LoginAsync(owner, Admin, Password)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_passwords_slow_down_that_address_for_that_account_even_with_the_right_password()
    {
        using var guesser = api.ClientAt("198.51.100.7");
        for (var i = 0; i < ThrottledApiFactory.FreeFailures; i++)
            await (await LoginAsync(guesser, Government, $"guess-{i}")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        await AssertTooManyAsync(await LoginAsync(guesser, Government, Password));
        await (await LoginAsync(guesser, Enterprise, Password)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expensive_endpoints_are_limited_per_user()
    {
        using var client = api.ClientAt("192.0.2.44");
        var (access, _) = await TestAccounts.SignInAsync(client, Enterprise2, Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        for (var i = 0; i < ThrottledApiFactory.ExpensivePerUser; i++)
            await (await client.PostJsonAsync("/api/skills/extract", new { text = "熟悉PLC编程" })).JsonAsync(HttpStatusCode.OK);

        await AssertTooManyAsync(await client.PostJsonAsync("/api/skills/extract", new { text = "熟悉PLC编程" }));
    }

    [Fact]
    public async Task Refreshes_beyond_the_limit_for_one_user_get_429_from_any_address()
    {
        using var first = api.ClientAt("192.0.2.60");
        var (_, refresh) = await TestAccounts.SignInAsync(first, College2, Password);
        for (var i = 0; i < ThrottledApiFactory.PerAccount; i++)
        {
            using var client = api.ClientAt($"192.0.2.{61 + i}");
            refresh = TestAccounts.Tokens(await (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).JsonAsync(HttpStatusCode.OK)).Refresh;
        }

        using var another = api.ClientAt("192.0.2.70");
        await AssertTooManyAsync(await another.PostJsonAsync("/api/auth/refresh", new { refreshToken = refresh }));
    }

    [Fact]
    public async Task Registrations_beyond_the_limit_for_one_email_get_429_from_any_address()
    {
        object Registration() => new { email = Enterprise, password = "Str0ng#Pass", organisationName = $"限流测试公司{Guid.NewGuid():N}", kind = "Enterprise", regionCode = "150200" };
        for (var i = 0; i < ThrottledApiFactory.PerAccount; i++)
        {
            using var client = api.ClientAt($"192.0.2.{80 + i}");
            await (await client.PostJsonAsync("/api/auth/register", Registration())).JsonAsync(HttpStatusCode.Accepted);
        }

        using var another = api.ClientAt("192.0.2.90");
        await AssertTooManyAsync(await another.PostJsonAsync("/api/auth/register", Registration()));
    }
}
