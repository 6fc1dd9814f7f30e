namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Wrong passwords from one address for one account: the first <see cref="FreeFailures"/> cost nothing, then every
/// further failure doubles the wait before the next attempt from that address (from <see cref="BaseDelay"/> up to
/// <see cref="MaxDelay"/>). Other addresses are not affected, so a stranger cannot lock the owner out.
/// </summary>
public sealed class SignInBackoffOptions
{
    public int FreeFailures { get; set; } = 5;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this (counted from the last one) are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}
