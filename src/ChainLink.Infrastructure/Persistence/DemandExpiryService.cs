using ChainLink.Application.Demands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>Runs <see cref="DemandExpiry"/> at start and then every <see cref="DemandOptions.ExpirySweepInterval"/> on each instance.</summary>
public sealed partial class DemandExpiryService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DemandOptions> options, ILogger<DemandExpiryService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<DemandExpiry>().ExpireDueAsync(stoppingToken);
                if (expired > 0) LogExpired(log, expired);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is half done (each demand is saved on its own); the next sweep tries again.
                LogSweepFailed(log, e);
            }
            try
            {
                await Task.Delay(options.Value.ExpirySweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} demands past their needed-by quarter and grace expired.")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A demand expiry sweep failed.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
