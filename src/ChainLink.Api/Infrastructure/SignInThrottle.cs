using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Back-off per address and account instead of a hard account lock (which anyone could trigger against anyone):
/// see <see cref="SignInBackoffOptions"/>. In memory, bounded; when full, new pairs are not tracked (the per-address
/// rate limit still applies), so the cache cannot be grown without limit.
/// </summary>
internal sealed class SignInThrottle(IOptions<RateLimitingOptions> options, TimeProvider clock) : IDisposable
{
    private const int MaxTrackedPairs = 100_000;

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxTrackedPairs });

    /// <summary>How long this address must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address, string account)
    {
        if (!_failures.TryGetValue(Key(address, account), out Failures? failures) || failures is null) return null;
        lock (failures)
        {
            var wait = failures.NotBefore - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string address, string account)
    {
        var backoff = options.Value.SignInBackoff;
        var failures = _failures.GetOrCreate(Key(address, account), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = backoff.ForgetAfter;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            var beyond = failures.Count - backoff.FreeFailures;
            if (beyond < 0) return;
            var delay = TimeSpan.FromTicks((long)Math.Min(backoff.MaxDelay.Ticks, backoff.BaseDelay.Ticks * Math.Pow(2, Math.Min(beyond, 40))));
            failures.NotBefore = clock.GetUtcNow() + delay;
        }
    }

    public void Succeeded(string address, string account) => _failures.Remove(Key(address, account));

    public void Dispose() => _failures.Dispose();

    private static string Key(string address, string account) => $"{address}\n{account.Trim().ToUpperInvariant()}";

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset NotBefore;
    }
}
