using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

public sealed record GetProposal(Guid Id) : IQuery<ProposalDto>;

internal sealed class GetProposalHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetProposal, ProposalDto>
{
    public async ValueTask<ProposalDto> Handle(GetProposal query, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, ct);
        if (proposal is null || !user.CanRead(proposal.FromOrganisationId, proposal.ToOrganisationId))
            throw new NotFoundException(CooperationAccess.NotFoundMessage);
        return await proposal.ToDtoAsync(db, user, clock.GetUtcNow().UtcDateTime, ct);
    }
}
