using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's fixed-window limiter per account (<see cref="RateLimitingOptions.SignInPerAccount"/>), for registration
/// (by e-mail) and refresh (by user), whatever the address. Sign-in has the back-off per address and account instead,
/// because an account-wide limit on sign-in would let a stranger keep the owner out.
/// </summary>
internal sealed class AccountRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountRateLimiter(IOptions<RateLimitingOptions> options)
    {
        var limit = options.Value.SignInPerAccount;
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the account may go ahead; otherwise how long it has to wait.</summary>
    public TimeSpan? TryAcquire(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
