using System.Net;
using Microsoft.AspNetCore.Hosting;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Without a configured password, the government and admin demo accounts do not open with the listed one.</summary>
public sealed class DemoPrivilegedPasswordTests
{
    private sealed class RandomPrivilegedPasswordFactory : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ChainLink:Demo:PrivilegedPassword", "");
        }
    }

    [Fact]
    public async Task The_listed_demo_password_opens_enterprise_and_college_accounts_but_not_government_or_admin()
    {
        await using var api = new RandomPrivilegedPasswordFactory();
        using var client = api.CreateClient();

        await (await client.PostJsonAsync("/api/auth/login", new { email = College, password = Password })).JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/auth/login", new { email = Admin, password = Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/auth/login", new { email = Government, password = Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
