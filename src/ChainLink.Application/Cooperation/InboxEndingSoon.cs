using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// Agreements about to end enter the inbox when the inbox is read (there is no event at the moment a date comes within
/// 30 days): one item per agreement and organisation, added the first time it is due.
/// </summary>
internal static class InboxEndingSoon
{
    public const int Days = 30;

    public static async Task AddDueAsync(IAppDbContext db, Guid organisationId, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(Days);
        var due = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Active && (a.FirstPartyId == organisationId || a.SecondPartyId == organisationId)
                        && a.EndDate >= today && a.EndDate <= horizon)
            .Where(a => !db.InboxItems.Any(i => i.OrganisationId == organisationId && i.Kind == InboxItemKind.AgreementEnding && i.RecordId == a.Id))
            .Select(a => new { a.Id, a.EndDate }).ToListAsync(ct);
        if (due.Count == 0) return;
        db.InboxItems.AddRange(due.Select(a => InboxItem.For(organisationId, InboxItemKind.AgreementEnding, nameof(Agreement), a.Id,
            $"合作协议将于 {a.EndDate:yyyy-MM-dd} 到期，请确认投入和成果是否已填报并确认。", now)));
        await db.SaveChangesAsync(ct);
    }
}
