using ChainLink.Infrastructure.Outbox;

namespace ChainLink.Infrastructure.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(5, 20)]
    [InlineData(1000, 20)]
    public void Back_off_doubles_from_the_initial_delay_with_each_attempt_and_stops_at_the_cap(int attempts, int seconds)
    {
        var options = new OutboxOptions { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(20) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(attempts, options));
    }
}
