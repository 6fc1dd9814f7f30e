using System.Net;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SecurityEventTests(ChainLinkApiFactory api)
{
    [Theory]
    [InlineData(Enterprise)]
    [InlineData(College)]
    [InlineData(Government)]
    public async Task Only_administrators_read_the_security_events(string email)
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/security-events")).StatusCode);
        using var client = await api.ClientForAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/security-events")).StatusCode);
        using var admin = await api.ClientForAsync(Admin);
        await (await admin.GetAsync("/api/admin/security-events?pageSize=5")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_recorded_with_time_and_without_the_password()
    {
        var email = await TestAccounts.RegisterAsync(api);
        var before = DateTime.UtcNow.AddSeconds(-1);
        using var client = api.CreateClient();
        await (await client.PostJsonAsync("/api/auth/login", new { email, password = "Secret-Guess-123" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await TestAccounts.SignInAsync(client, email);

        using var admin = await api.ClientForAsync(Admin);
        var page = await (await admin.GetAsync($"/api/admin/security-events?email={Uri.EscapeDataString(email)}")).JsonAsync(HttpStatusCode.OK);
        var events = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["SignInSucceeded", "SignInFailed", "Registered"], events.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(events, e => Assert.True(e.GetProperty("occurredAt").GetDateTime() >= before));
        Assert.All(events, e => Assert.Equal(email, e.GetProperty("email").GetString()));
        Assert.DoesNotContain("Secret-Guess-123", page.ToString());
        Assert.DoesNotContain(TestAccounts.Password, page.ToString());

        var failures = await (await admin.GetAsync($"/api/admin/security-events?kind=SignInFailed&email={Uri.EscapeDataString(email)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, failures.GetProperty("total").GetInt32());
    }
}
