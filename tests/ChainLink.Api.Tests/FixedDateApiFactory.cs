using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChainLink.Api.Tests;

/// <summary>
/// The demo data at a fixed date, so that the same demands are open and the same cohorts have graduated whenever the
/// tests run: the answers of the match endpoints can then be held to a golden file.
/// </summary>
public sealed class FixedDateApiFactory : ChainLinkApiFactory
{
    public static readonly DateTimeOffset Today = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ChainLink:Demo:AnchorQuarter", "2026Q4");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Today));
        });
    }
}
