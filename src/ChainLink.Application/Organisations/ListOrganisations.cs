using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Organisations;

/// <summary>
/// Organisations by name, whatever their review status, that the caller may review (Admin: all; Government: those of
/// its region). <see cref="Region"/> narrows to a region (a province covers its prefectures).
/// </summary>
public sealed record ListOrganisations(string? Q, OrganisationStatus? Status, OrganisationKind? Kind, string? Region, int PageNumber = 1, int PageSize = 50)
    : IQuery<Page<OrganisationReviewDto>>, IPagedQuery
{
    public const int MaxQueryLength = 100;
}

internal sealed class ListOrganisationsValidator : AbstractValidator<ListOrganisations>
{
    public ListOrganisationsValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Q).MaximumLength(ListOrganisations.MaxQueryLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => !string.IsNullOrEmpty(x.Region));
        this.AddPagingRules();
    }
}

internal sealed class ListOrganisationsHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy)
    : IQueryHandler<ListOrganisations, Page<OrganisationReviewDto>>
{
    public async ValueTask<Page<OrganisationReviewDto>> Handle(ListOrganisations query, CancellationToken ct)
    {
        var organisations = (await OrganisationReviewers.ReviewableAsync(db, user, ct)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            organisations = organisations.Where(o => o.Name.Contains(q));
        }
        if (query.Status is { } status) organisations = organisations.Where(o => o.Status == status);
        if (query.Kind is { } kind) organisations = organisations.Where(o => o.Kind == kind);
        if (!string.IsNullOrEmpty(query.Region)) organisations = organisations.InRegion(o => o.RegionCode, query.Region);
        var page = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPageAsync(query, ct);
        return new Page<OrganisationReviewDto>(page.Items.Select(o => OrganisationReviewDto.From(o, taxonomy)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }
}
