using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// The caller's proposals (<see cref="Box"/> sent, received, or both), newest first; government lists every one. <see cref="Status"/>
/// Expired finds pending proposals past their date, Pending only those still open.
/// </summary>
public sealed record ListProposals(string? Box, ProposalStatus? Status, int PageNumber = 1, int PageSize = 20) : IQuery<Page<ProposalDto>>, IPagedQuery;

internal sealed class ListProposalsValidator : AbstractValidator<ListProposals>
{
    public ListProposalsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Box).Must(b => b is null || Enum.TryParse<ProposalBox>(b, ignoreCase: true, out _)).WithMessage("box 只能是 sent 或 received。");
        RuleFor(x => x.Status).IsInEnum();
    }
}

internal sealed class ListProposalsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListProposals, Page<ProposalDto>>
{
    public async ValueTask<Page<ProposalDto>> Handle(ListProposals query, CancellationToken ct)
    {
        var own = user.OrganisationId;
        var now = clock.GetUtcNow().UtcDateTime;
        var proposals = db.Proposals.AsNoTracking();
        proposals = (query.Box is null ? (ProposalBox?)null : Enum.Parse<ProposalBox>(query.Box, ignoreCase: true)) switch
        {
            ProposalBox.Sent => proposals.Where(p => p.FromOrganisationId == own),
            ProposalBox.Received => proposals.Where(p => p.ToOrganisationId == own),
            _ when user.IsGovernment() => proposals,
            _ => proposals.Where(p => p.FromOrganisationId == own || p.ToOrganisationId == own),
        };
        proposals = query.Status switch
        {
            null => proposals,
            ProposalStatus.Expired => proposals.Where(p => p.Status == ProposalStatus.Pending && p.ValidUntil < now),
            ProposalStatus.Pending => proposals.Where(p => p.Status == ProposalStatus.Pending && p.ValidUntil >= now),
            { } status => proposals.Where(p => p.Status == status),
        };
        var page = await proposals.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToPageAsync(query, ct);
        var accepted = page.Items.Where(p => p.Status == ProposalStatus.Accepted)
            .SelectMany(p => new[] { p.FromOrganisationId, p.ToOrganisationId }).ToHashSet();
        // Contact details only of accepted proposals of the caller's own: the counterpart of a proposal that was declined
        // in one row must not show them because another row was accepted.
        var parties = await CooperationAccess.PartiesAsync(db, page.Items.SelectMany(p => new[] { p.FromOrganisationId, p.ToOrganisationId }), _ => false, ct);
        var withContacts = await CooperationAccess.PartiesAsync(db, accepted, _ => true, ct);
        var items = page.Items.Select(p =>
        {
            var status = p.StatusAt(now);
            var show = CooperationAccess.ShowsContacts(user, p.FromOrganisationId, p.ToOrganisationId, status == ProposalStatus.Accepted);
            return CooperationAccess.ToDto(p, show ? withContacts : parties, status);
        }).ToList();
        return new Page<ProposalDto>(items, page.PageNumber, page.PageSize, page.Total);
    }
}
