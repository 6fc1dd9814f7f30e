using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace ChainLink.Api.Tests;

/// <summary>With the demo profile off (production), nothing advertises demo accounts.</summary>
public sealed class DemoProfileOffTests
{
    private sealed class NoDemoFactory : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ChainLink:Demo:Enabled", "false");
        }
    }

    [Fact]
    public async Task Without_demo_data_the_demo_accounts_are_not_listed()
    {
        await using var api = new NoDemoFactory();
        using var client = api.CreateClient();

        var response = await client.GetAsync("/api/auth/demo-accounts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
