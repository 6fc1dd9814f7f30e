namespace ChainLink.Infrastructure.Identity;

/// <summary>
/// One sign-in and every refresh descended from it (a refresh-token family). Only the newest refresh token of the
/// family is accepted; presenting an older one means it was copied, and the whole session is revoked. Access tokens
/// and cookies carry the session id, so revoking the session ends them too.
/// </summary>
public sealed class UserSession
{
    /// <summary>
    /// However active, a session ends this long after its sign-in: a sliding cookie or a chain of refreshes cannot keep
    /// a stolen session alive for ever. Longer than a refresh token or a cookie lives (14 days) without activity.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private UserSession() { }

    public UserSession(Guid userId, DateTime startedAt)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        StartedAt = startedAt;
        CurrentRefreshTokenId = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime StartedAt { get; private set; }

    /// <summary>The id inside the only refresh token that may still be used; a concurrency token, so two refreshes with it cannot both win.</summary>
    public Guid CurrentRefreshTokenId { get; private set; }

    public DateTime? LastRefreshedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBecause { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Rotate(DateTime now)
    {
        CurrentRefreshTokenId = Guid.NewGuid();
        LastRefreshedAt = now;
    }

    public void Revoke(DateTime now, string because)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBecause = because;
    }
}
