using ChainLink.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>Unread inbox items of the caller's organisation, in all and by kind (the workspace's badge).</summary>
public sealed record CountUnreadInbox : IQuery<UnreadCountDto>;

internal sealed class CountUnreadInboxHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<CountUnreadInbox, UnreadCountDto>
{
    public async ValueTask<UnreadCountDto> Handle(CountUnreadInbox query, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        await InboxEndingSoon.AddDueAsync(db, own, clock.GetUtcNow().UtcDateTime, ct);
        var byKind = await db.InboxItems.AsNoTracking().Where(i => i.OrganisationId == own && i.ReadAt == null)
            .GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new UnreadCountDto(byKind.Values.Sum(), byKind);
    }
}
