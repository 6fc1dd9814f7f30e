using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChainLink.Api.Tests;

/// <summary>
/// The real API with a <see cref="FakeSearchIndex"/> and without the background dispatcher: tests run dispatch cycles
/// themselves, on dispatchers with their own fake clocks, so nothing depends on real time passing.
/// </summary>
public sealed class OutboxApiFactory : ChainLinkApiFactory
{
    public FakeSearchIndex Index { get; } = new();

    public static OutboxOptions Options(int batchSize = 500) => new()
    {
        BatchSize = batchSize, LeaseDuration = TimeSpan.FromSeconds(30), InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60),
        Retention = TimeSpan.FromDays(7),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ISearchIndex>();
            services.AddSingleton<ISearchIndex>(Index);
            var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcherService));
            services.Remove(dispatcher);
        });
    }

    public OutboxDispatcher Dispatcher(FakeTimeProvider clock, int batchSize = 500) =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), Index, clock, Microsoft.Extensions.Options.Options.Create(Options(batchSize)), NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Runs cycles until nothing is due; returns how many rows this dispatcher claimed.</summary>
    public static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        for (int claimed; (claimed = await dispatcher.DispatchOnceAsync(CancellationToken.None)) > 0;) total += claimed;
        return total;
    }
}
