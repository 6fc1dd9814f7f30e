using ChainLink.Application.Common;
using ChainLink.Application.Users;
using ChainLink.Domain.Security;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Identity;

/// <summary>
/// Accounts for administrators. An account is disabled by a lockout end date (see <see cref="SessionStore"/>, which
/// refuses a locked-out user's cookies and tokens on every request); only an administrator sets one, as wrong passwords
/// never lock an account, so any lockout end date marks a disabled account.
/// </summary>
internal sealed class UserAccounts(AppDbContext db, UserManager<AppUser> users, SessionStore sessions, ISecurityEventLog events, TimeProvider clock)
    : IUserAccounts
{
    public async Task<Page<UserDto>> ListAsync(ListUsers query, CancellationToken ct)
    {
        var rows = from u in db.Users.AsNoTracking()
                   join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                   select new { User = u, Organisation = o };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            rows = rows.Where(r => r.User.Email!.Contains(q) || r.User.DisplayName.Contains(q) || r.Organisation.Name.Contains(q));
        }
        if (query.Organisation is { } organisation) rows = rows.Where(r => r.Organisation.Id == organisation);
        if (query.Disabled is { } disabled) rows = disabled ? rows.Where(r => r.User.LockoutEnd != null) : rows.Where(r => r.User.LockoutEnd == null);

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.User.Email).ThenBy(r => r.User.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new Row(r.User.Id, r.User.Email ?? "", r.User.DisplayName, r.User.LockoutEnd, r.Organisation.Id, r.Organisation.Name, r.Organisation.Kind))
            .ToListAsync(ct);
        return new Page<UserDto>(await DescribeAsync(page, ct), query.PageNumber, query.PageSize, total);
    }

    public async Task<UserDto?> SetDisabledAsync(Guid userId, bool disabled, Guid byUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return null;
        if (disabled)
        {
            Succeeded(await users.SetLockoutEnabledAsync(user, true));
            Succeeded(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            await sessions.RevokeAllAsync(user.Id, "disabled by an administrator", ct);
        }
        else
        {
            Succeeded(await users.SetLockoutEndDateAsync(user, null));
        }
        // Saves the revoked sessions with the event.
        await events.RecordAsync(disabled ? SecurityEventKind.UserDisabled : SecurityEventKind.UserEnabled, user.Id, user.Email, user.OrganisationId,
            $"by administrator {byUserId}", ct);

        var row = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
            .Select(o => new Row(user.Id, user.Email ?? "", user.DisplayName, user.LockoutEnd, o.Id, o.Name, o.Kind)).FirstAsync(ct);
        return (await DescribeAsync([row], ct))[0];
    }

    private sealed record Row(Guid Id, string Email, string DisplayName, DateTimeOffset? LockoutEnd, Guid OrganisationId, string OrganisationName,
        Domain.Organisations.OrganisationKind OrganisationKind);

    /// <summary>Adds the roles and the last sign-in: two queries for the whole page.</summary>
    private async Task<IReadOnlyList<UserDto>> DescribeAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join role in db.Roles on ur.RoleId equals role.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var lastSignIns = (await db.SecurityEvents.AsNoTracking()
                .Where(e => e.Kind == SecurityEventKind.SignInSucceeded && e.UserId != null && ids.Contains(e.UserId.Value))
                .GroupBy(e => e.UserId!.Value)
                .Select(g => new { UserId = g.Key, At = g.Max(e => e.OccurredAt) })
                .ToListAsync(ct))
            .ToDictionary(x => x.UserId, x => x.At);
        var now = clock.GetUtcNow();
        return rows.Select(r => new UserDto(r.Id, r.Email, r.DisplayName, r.OrganisationId, r.OrganisationName, r.OrganisationKind,
                roles[r.Id].Order(StringComparer.Ordinal).ToList(), r.LockoutEnd is { } end && end > now,
                lastSignIns.TryGetValue(r.Id, out var at) ? at : null))
            .ToList();
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
