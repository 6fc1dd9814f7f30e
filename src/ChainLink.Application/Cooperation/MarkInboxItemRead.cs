using ChainLink.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>Marks one of the caller's organisation's inbox items read (again: no change); another's is not found.</summary>
public sealed record MarkInboxItemRead(Guid Id) : ICommand;

internal sealed class MarkInboxItemReadHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkInboxItemRead>
{
    public async ValueTask<Unit> Handle(MarkInboxItemRead command, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == command.Id && i.OrganisationId == own, ct)
            ?? throw new NotFoundException("找不到该消息。");
        item.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
