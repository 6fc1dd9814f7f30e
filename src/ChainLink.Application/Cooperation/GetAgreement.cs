using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

public sealed record GetAgreement(Guid Id) : IQuery<AgreementDto>;

internal sealed class GetAgreementHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAgreement, AgreementDto>
{
    public async ValueTask<AgreementDto> Handle(GetAgreement query, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, ct);
        if (agreement is null || !user.CanRead(agreement.FirstPartyId, agreement.SecondPartyId))
            throw new NotFoundException(CooperationAccess.NotFoundMessage);
        return await ToDtoAsync(db, user, agreement, ct);
    }

    /// <summary>Parties read every figure and each other's contacts; government reads confirmed figures and no contacts.</summary>
    public static async Task<AgreementDto> ToDtoAsync(IAppDbContext db, ICurrentUser user, Agreement a, CancellationToken ct)
    {
        var party = a.IsParty(user.OrganisationId);
        var investments = db.Investments.AsNoTracking().Where(i => i.AgreementId == a.Id);
        var outcomes = db.Outcomes.AsNoTracking().Where(o => o.AgreementId == a.Id);
        if (!party)
        {
            investments = investments.Where(i => i.Status == ReportStatus.Confirmed);
            outcomes = outcomes.Where(o => o.Status == ReportStatus.Confirmed);
        }
        var parties = await CooperationAccess.PartiesAsync(db, [a.FirstPartyId, a.SecondPartyId], _ => party, ct);
        return new AgreementDto(a.Id, a.ProposalId, parties[a.FirstPartyId], parties[a.SecondPartyId], a.DemandId, a.ProgrammeId, a.TechnologyNeedId,
            CooperationAccess.ModeList(a.Modes), a.StartDate, a.EndDate, a.RunsAsEntity, a.EntityKind, a.Status, a.CreatedAt, a.SuspendedAt, a.EndedAt,
            a.StatusReason, a.Version,
            [.. (await investments.OrderBy(i => i.Year).ThenBy(i => i.ReportedAt).ToListAsync(ct)).Select(InvestmentDto.From)],
            [.. (await outcomes.OrderBy(o => o.Year).ThenBy(o => o.ReportedAt).ToListAsync(ct)).Select(OutcomeDto.From)]);
    }
}
