using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Infrastructure.Outbox;

public static class OutboxRegistration
{
    /// <summary>The dispatcher that carries outbox rows to the search index; the rows themselves are written by AppDbContext.</summary>
    public static IServiceCollection AddSearchOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.MaxBackoff >= o.InitialBackoff, "Outbox:MaxBackoff must not be shorter than Outbox:InitialBackoff.")
            .ValidateOnStart();
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>()?.DispatcherEnabled ?? true)
            services.AddHostedService<OutboxDispatcherService>();
        return services;
    }
}
