using ChainLink.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>What awaits the caller's organisation, newest first (unread only if asked).</summary>
public sealed record ListInbox(bool UnreadOnly, int PageNumber = 1, int PageSize = 20) : IQuery<Page<InboxItemDto>>, IPagedQuery;

internal sealed class ListInboxValidator : AbstractValidator<ListInbox>
{
    public ListInboxValidator() => this.AddPagingRules();
}

internal sealed class ListInboxHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListInbox, Page<InboxItemDto>>
{
    public async ValueTask<Page<InboxItemDto>> Handle(ListInbox query, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        await InboxEndingSoon.AddDueAsync(db, own, clock.GetUtcNow().UtcDateTime, ct);
        var items = db.InboxItems.AsNoTracking().Where(i => i.OrganisationId == own);
        if (query.UnreadOnly) items = items.Where(i => i.ReadAt == null);
        return await items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new InboxItemDto(i.Id, i.Kind, i.RecordType, i.RecordId, i.Text, i.CreatedAt, i.ReadAt != null))
            .ToPageAsync(query, ct);
    }
}
