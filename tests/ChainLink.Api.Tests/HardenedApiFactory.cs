using Microsoft.AspNetCore.Hosting;

namespace ChainLink.Api.Tests;

/// <summary>The API as appsettings.Production.json configures it (on the embedded database, which these tests can run).</summary>
public sealed class HardenedApiFactory : ChainLinkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ChainLink:Api:RequireHttps", "true");
        builder.UseSetting("ChainLink:Api:ExposeOpenApi", "false");
        // Where Kestrel would listen for HTTPS; the test server has no addresses to discover it from.
        builder.UseSetting("https_port", "443");
    }
}
