using System.Text.Json;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// Every change to a proposal, or to an agreement and its investments and outcomes, oldest first. Parties read it all;
/// government reads the agreement's changes and those of confirmed figures, without who (the user) made them.
/// </summary>
public sealed record GetAuditTrail(AuditSubject Subject, Guid Id) : IQuery<IReadOnlyList<AuditEntryDto>>;

internal sealed class GetAuditTrailHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAuditTrail, IReadOnlyList<AuditEntryDto>>
{
    public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(GetAuditTrail query, CancellationToken ct)
    {
        var parties = query.Subject == AuditSubject.Proposal
            ? await db.Proposals.AsNoTracking().Where(p => p.Id == query.Id).Select(p => new { First = p.FromOrganisationId, Second = p.ToOrganisationId }).FirstOrDefaultAsync(ct)
            : await db.Agreements.AsNoTracking().Where(a => a.Id == query.Id).Select(a => new { First = a.FirstPartyId, Second = a.SecondPartyId }).FirstOrDefaultAsync(ct);
        if (parties is null || !user.CanRead(parties.First, parties.Second)) throw new NotFoundException(CooperationAccess.NotFoundMessage);
        var party = user.OrganisationId == parties.First || user.OrganisationId == parties.Second;

        var entries = query.Subject == AuditSubject.Proposal
            ? db.AuditEntries.AsNoTracking().Where(e => e.RecordType == nameof(Proposal) && e.RecordId == query.Id)
            : db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == query.Id);
        if (!party)
        {
            var confirmed = db.Investments.Where(i => i.AgreementId == query.Id && i.Status == ReportStatus.Confirmed).Select(i => i.Id)
                .Concat(db.Outcomes.Where(o => o.AgreementId == query.Id && o.Status == ReportStatus.Confirmed).Select(o => o.Id));
            entries = entries.Where(e => e.RecordType == nameof(Agreement) || e.RecordType == nameof(Proposal) || confirmed.Contains(e.RecordId));
        }
        var rows = await entries.OrderBy(e => e.Id).ToListAsync(ct);
        return [.. rows.Select(e => new AuditEntryDto(e.Id, e.RecordType, e.RecordId, e.Action, party ? e.UserId : null, e.OrganisationId, e.At,
            Parse(e.Before), Parse(e.After)))];
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
