namespace ChainLink.Api.Infrastructure;

/// <summary>Request limits (section <c>RateLimiting</c>); checked at start.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in, registration, refresh and password change, per client address.</summary>
    public WindowLimit SignInPerAddress { get; set; } = new() { PermitLimit = 30 };

    /// <summary>Registration per e-mail and refresh per user, from any address.</summary>
    public WindowLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Skill extraction, matching and barometer publishing, per signed-in user (or address).</summary>
    public WindowLimit Expensive { get; set; } = new() { PermitLimit = 60 };

    public SignInBackoffOptions SignInBackoff { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        foreach (var (name, limit) in new[] { (nameof(SignInPerAddress), SignInPerAddress), (nameof(SignInPerAccount), SignInPerAccount), (nameof(Expensive), Expensive) })
        {
            if (limit.PermitLimit is < 1 or > 1_000_000) yield return $"{Section}:{name}:PermitLimit must be between 1 and 1,000,000.";
            if (limit.Window <= TimeSpan.Zero || limit.Window > TimeSpan.FromDays(1)) yield return $"{Section}:{name}:Window must be positive and at most a day.";
        }
        var backoff = SignInBackoff;
        if (backoff.FreeFailures is < 1 or > 100_000) yield return $"{Section}:SignInBackoff:FreeFailures must be between 1 and 100,000.";
        if (backoff.BaseDelay <= TimeSpan.Zero) yield return $"{Section}:SignInBackoff:BaseDelay must be positive.";
        if (backoff.MaxDelay < backoff.BaseDelay) yield return $"{Section}:SignInBackoff:MaxDelay must not be below BaseDelay.";
        if (backoff.ForgetAfter < backoff.MaxDelay) yield return $"{Section}:SignInBackoff:ForgetAfter must not be below MaxDelay.";
    }
}
