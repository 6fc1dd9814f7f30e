using System.Security.Claims;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Identity;

/// <summary>
/// Server-side state of sign-ins: a principal is valid only while its user exists, is not locked (disabled), still has
/// the security stamp the principal was issued with (a password change renews it) and its session is not revoked.
/// Bearer tokens, refresh tokens and cookies are all checked here, on every request.
/// </summary>
public sealed class SessionStore(AppDbContext db, UserManager<AppUser> users, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>
    /// A new session for <paramref name="user"/> and the principal that carries it (for a token or a cookie). The
    /// user's sessions that can no longer be used (revoked, or older than <see cref="UserSession.MaxLifetime"/>) are
    /// deleted, so the table holds what is live, not every sign-in ever made.
    /// </summary>
    public async Task<ClaimsPrincipal> StartAsync(AppUser user, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - UserSession.MaxLifetime;
        await db.Set<UserSession>().Where(s => s.UserId == user.Id && (s.RevokedAt != null || s.StartedAt < expired)).ExecuteDeleteAsync(ct);
        var session = new UserSession(user.Id, now);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return await PrincipalAsync(user, session, signIn);
    }

    /// <summary>The user behind a principal if everything about it still holds; otherwise null.</summary>
    public async Task<(AppUser User, UserSession Session)?> ValidateAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ChainLinkClaims.Session), out var sessionId)
            || !Guid.TryParse(users.GetUserId(principal), out var userId)) return null;
        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is not { IsActive: true } || session.StartedAt < clock.GetUtcNow().UtcDateTime - UserSession.MaxLifetime) return null;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) return null;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal) ? (user, session) : null;
    }

    /// <summary>The refresh token id a principal made from a refresh token carries.</summary>
    public static Guid? RefreshTokenId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ChainLinkClaims.RefreshToken), out var id) ? id : null;

    /// <summary>Moves the session to a new refresh token; the caller has checked the presented one is the current one.</summary>
    public async Task<ClaimsPrincipal> RotateAsync(AppUser user, UserSession session, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        session.Rotate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await PrincipalAsync(user, session, signIn);
    }

    /// <summary>Revokes the session; saved with the caller's other changes (e.g. its security event).</summary>
    public void Revoke(UserSession session, string because) => session.Revoke(clock.GetUtcNow().UtcDateTime, because);

    public async Task RevokeAsync(ClaimsPrincipal principal, string because, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ChainLinkClaims.Session), out var sessionId)) return;
        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is not null) Revoke(session, because);
    }

    /// <summary>Ends every session of the user (a password change): their tokens and cookies stop working at once.</summary>
    public async Task RevokeAllAsync(Guid userId, string because, CancellationToken ct)
    {
        foreach (var session in await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct))
            Revoke(session, because);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(AppUser user, UserSession session, SignInManager<AppUser> signIn)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ChainLinkClaims.Session, session.Id.ToString()));
        identity.AddClaim(new Claim(ChainLinkClaims.RefreshToken, session.CurrentRefreshTokenId.ToString()));
        return principal;
    }
}
