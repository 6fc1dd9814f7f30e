using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Organisations;

/// <summary>Organisations awaiting review that the caller may review, oldest registration first.</summary>
public sealed record ListPendingOrganisations(int PageNumber = 1, int PageSize = 50) : IQuery<Page<OrganisationReviewDto>>, IPagedQuery;

internal sealed class ListPendingOrganisationsValidator : AbstractValidator<ListPendingOrganisations>
{
    public ListPendingOrganisationsValidator() => this.AddPagingRules();
}

internal sealed class ListPendingOrganisationsHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy)
    : IQueryHandler<ListPendingOrganisations, Page<OrganisationReviewDto>>
{
    public async ValueTask<Page<OrganisationReviewDto>> Handle(ListPendingOrganisations query, CancellationToken ct)
    {
        var reviewable = await OrganisationReviewers.ReviewableAsync(db, user, ct);
        // Ids are version-7 GUIDs: their order is the order of registration.
        var page = await reviewable.AsNoTracking().Where(o => o.Status == OrganisationStatus.Pending).OrderBy(o => o.Id).ToPageAsync(query, ct);
        return new Page<OrganisationReviewDto>(page.Items.Select(o => OrganisationReviewDto.From(o, taxonomy)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }
}
