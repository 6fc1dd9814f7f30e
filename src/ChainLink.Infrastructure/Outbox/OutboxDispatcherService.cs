using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Outbox;

/// <summary>Runs dispatch cycles back to back while rows are due, polls when idle, and purges old rows now and then.</summary>
public sealed partial class OutboxDispatcherService(
    OutboxDispatcher dispatcher, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcherService> log) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.DispatchOnceAsync(stoppingToken);
                if (claimed == 0 && clock.GetUtcNow() - lastPurge >= PurgeInterval)
                {
                    await dispatcher.PurgeAsync(stoppingToken);
                    lastPurge = clock.GetUtcNow();
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database itself is unreachable: nothing was claimed, so nothing is lost; try again after the poll interval.
                LogCycleFailed(log, e);
            }
            if (claimed > 0) continue;
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox dispatch cycle failed.")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
