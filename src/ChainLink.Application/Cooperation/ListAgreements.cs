using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>The caller's agreements, newest first; government lists every one.</summary>
public sealed record ListAgreements(AgreementStatus? Status, bool? RunsAsEntity, int PageNumber = 1, int PageSize = 20)
    : IQuery<Page<AgreementSummaryDto>>, IPagedQuery;

internal sealed class ListAgreementsValidator : AbstractValidator<ListAgreements>
{
    public ListAgreementsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Status).IsInEnum();
    }
}

internal sealed class ListAgreementsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListAgreements, Page<AgreementSummaryDto>>
{
    public async ValueTask<Page<AgreementSummaryDto>> Handle(ListAgreements query, CancellationToken ct)
    {
        var own = user.OrganisationId;
        var agreements = db.Agreements.AsNoTracking();
        if (!user.IsGovernment()) agreements = agreements.Where(a => a.FirstPartyId == own || a.SecondPartyId == own);
        if (query.Status is { } status) agreements = agreements.Where(a => a.Status == status);
        if (query.RunsAsEntity is { } entity) agreements = agreements.Where(a => (a.EntityKind != null) == entity);
        var total = await agreements.CountAsync(ct);
        var rows = await agreements.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Select(a => new
            {
                a.Id, a.FirstPartyId, a.SecondPartyId, a.Modes, a.StartDate, a.EndDate, a.EntityKind, a.Status, a.Version,
                First = db.Organisations.Where(o => o.Id == a.FirstPartyId).Select(o => o.Name).First(),
                Second = db.Organisations.Where(o => o.Id == a.SecondPartyId).Select(o => o.Name).First(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new AgreementSummaryDto(r.Id, r.FirstPartyId, r.First, r.SecondPartyId, r.Second, CooperationAccess.ModeList(r.Modes),
            r.StartDate, r.EndDate, r.EntityKind is not null, r.EntityKind, r.Status, r.Version)).ToList();
        return new Page<AgreementSummaryDto>(items, query.PageNumber, query.PageSize, total);
    }
}
