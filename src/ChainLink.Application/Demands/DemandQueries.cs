using ChainLink.Application.Common;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Demands;

public sealed record GetDemand(Guid Id) : IQuery<DemandDto>;

public sealed record ListDemands(
    string? Q = null,
    DemandStatus? Status = null,
    string? Occupation = null,
    string? Region = null,
    Guid? Organisation = null,
    bool Mine = false,
    int PageNumber = 1,
    int PageSize = 20) : IQuery<Page<DemandDto>>, IPagedQuery;

internal sealed class ListDemandsValidator : AbstractValidator<ListDemands>
{
    public ListDemandsValidator(ITaxonomyCache taxonomy)
    {
        this.AddPagingRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Occupation!).Must(c => taxonomy.OccupationName(c) is not null).When(x => x.Occupation is not null)
            .WithMessage("'{PropertyValue}' 不是职业代码。");
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => x.Region is not null);
    }
}

internal sealed class DemandQueryHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, GoodMatchCounter goodMatches)
    : IQueryHandler<GetDemand, DemandDto>, IQueryHandler<ListDemands, Page<DemandDto>>
{
    public async ValueTask<DemandDto> Handle(GetDemand query, CancellationToken ct)
    {
        var row = await db.Demands.AsNoTracking().VisibleTo(db, user.OrganisationId)
            .Where(d => d.Id == query.Id)
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Demand = d, o.Name })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("需求", query.Id);
        return DemandDto.From(row.Demand, row.Name, taxonomy);
    }

    public async ValueTask<Page<DemandDto>> Handle(ListDemands query, CancellationToken ct)
    {
        var own = user.OrganisationId;
        var demands = db.Demands.AsNoTracking().VisibleTo(db, own);
        if (query.Mine) demands = demands.Where(d => d.OrganisationId == own);
        if (query.Organisation is { } org) demands = demands.Where(d => d.OrganisationId == org);
        if (query.Status is { } status) demands = demands.Where(d => d.Status == status);
        if (query.Occupation is { } occupation) demands = demands.Where(d => d.OccupationCode.StartsWith(occupation));
        if (query.Region is { } region) demands = demands.InRegion(d => d.RegionCode, region);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            demands = demands.Where(d => d.Title.Contains(q) || d.Description.Contains(q));
        }
        var total = await demands.CountAsync(ct);
        var rows = await demands
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Demand = d, o.Name })
            .ToListAsync(ct);
        var items = new List<DemandDto>(rows.Count);
        foreach (var r in rows)
        {
            var dto = DemandDto.From(r.Demand, r.Name, taxonomy);
            // Only the owner's own list counts good matches, and only for the page shown (one match run each, cached).
            items.Add(query.Mine ? dto with { GoodMatches = await goodMatches.ForDemandAsync(r.Demand.Id, r.Demand.Status, ct) } : dto);
        }
        return new Page<DemandDto>(items, query.PageNumber, query.PageSize, total);
    }
}
