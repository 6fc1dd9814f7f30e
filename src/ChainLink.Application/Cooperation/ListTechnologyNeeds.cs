using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>Technology needs the caller may see (approved enterprises', and its own), newest first.</summary>
public sealed record ListTechnologyNeeds(string? Q, TechnologyNeedStatus? Status, bool Mine, int PageNumber = 1, int PageSize = 20)
    : IQuery<Page<TechnologyNeedDto>>, IPagedQuery;

internal sealed class ListTechnologyNeedsValidator : AbstractValidator<ListTechnologyNeeds>
{
    public ListTechnologyNeedsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Status).IsInEnum();
    }
}

internal sealed class ListTechnologyNeedsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListTechnologyNeeds, Page<TechnologyNeedDto>>
{
    public async ValueTask<Page<TechnologyNeedDto>> Handle(ListTechnologyNeeds query, CancellationToken ct)
    {
        var own = user.OrganisationId;
        var needs = db.TechnologyNeeds.AsNoTracking().VisibleTo(n => n.OrganisationId, db, own);
        if (query.Mine) needs = needs.Where(n => n.OrganisationId == own);
        if (query.Status is { } status) needs = needs.Where(n => n.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            needs = needs.Where(n => n.Title.Contains(q) || n.Problem.Contains(q) || n.Field.Contains(q));
        }
        var rows = needs.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Join(db.Organisations, n => n.OrganisationId, o => o.Id, (n, o) => new { Need = n, o.Name });
        var total = await needs.CountAsync(ct);
        var page = await rows.Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Page<TechnologyNeedDto>([.. page.Select(r => TechnologyNeedDto.From(r.Need, r.Name))], query.PageNumber, query.PageSize, total);
    }
}
