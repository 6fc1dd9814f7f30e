using ChainLink.Application.Common;
using ChainLink.Domain.Security;
using Mediator;

namespace ChainLink.Application.Organisations;

/// <summary>An administrator, or the government of its region, approves a pending organisation: its records become public.</summary>
public sealed record ApproveOrganisation(Guid Id) : ICommand<OrganisationReviewDto>;

internal sealed class ApproveOrganisationHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, TimeProvider clock, ISecurityEventLog events)
    : ICommandHandler<ApproveOrganisation, OrganisationReviewDto>
{
    public async ValueTask<OrganisationReviewDto> Handle(ApproveOrganisation command, CancellationToken ct)
    {
        var organisation = await OrganisationReviewers.FindAsync(db, user, command.Id, ct);
        organisation.Approve(user.RequireUserId(), clock);
        // Nothing to reindex: the index holds the organisation's records already and matching filters them on the database.
        // Saves the decision and its security event in one SaveChanges.
        await events.RecordAsync(SecurityEventKind.OrganisationApproved, user.RequireUserId(), null, organisation.Id, organisation.Name, ct);
        return OrganisationReviewDto.From(organisation, taxonomy);
    }
}
