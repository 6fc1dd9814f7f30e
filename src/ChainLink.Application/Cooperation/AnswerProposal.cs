using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>The receiving side accepts (which makes the agreement) or declines with a reason; the proposer withdraws.</summary>
public sealed record AnswerProposal(Guid Id, ProposalAction Action, int Version, string? Reason) : ICommand<ProposalDto>;

internal sealed class AnswerProposalValidator : AbstractValidator<AnswerProposal>
{
    public AnswerProposalValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("拒绝时请写明理由。").When(x => x.Action == ProposalAction.Decline);
        RuleFor(x => x.Reason).MaximumLength(CooperationLimits.MaxReasonLength).WithMessage($"理由最多 {CooperationLimits.MaxReasonLength} 个字符。");
    }
}

internal sealed class AnswerProposalHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AnswerProposal, ProposalDto>
{
    public async ValueTask<ProposalDto> Handle(AnswerProposal command, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException(CooperationAccess.NotFoundMessage);
        CooperationAccess.EnsureParty(user, proposal.FromOrganisationId, proposal.ToOrganisationId);
        var answering = command.Action != ProposalAction.Withdraw;
        if (answering && user.OrganisationId != proposal.ToOrganisationId)
            throw new ForbiddenException("只有收到提议的一方可以接受或拒绝。");
        if (!answering && user.OrganisationId != proposal.FromOrganisationId)
            throw new ForbiddenException("只有发起提议的一方可以撤回。");
        db.ExpectVersion(proposal, proposal.Version, command.Version, "该合作提议");

        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        switch (command.Action)
        {
            case ProposalAction.Accept:
                var agreement = proposal.Accept(Guid.CreateVersion7(), now);
                db.Agreements.Add(agreement);
                Notify(proposal.FromOrganisationId, proposal, $"{name} 接受了本机构的合作提议，合作协议已生效；双方联系方式现已可见。", now);
                break;
            case ProposalAction.Decline:
                proposal.Decline(command.Reason!, now);
                Notify(proposal.FromOrganisationId, proposal, $"{name} 拒绝了本机构的合作提议（理由：{proposal.DeclineReason}）。", now);
                break;
            case ProposalAction.Withdraw:
                proposal.Withdraw(now);
                Notify(proposal.ToOrganisationId, proposal, $"{name} 撤回了发给本机构的合作提议。", now);
                break;
        }
        await db.SaveChangesAsync(ct);
        return await proposal.ToDtoAsync(db, user, now, ct);
    }

    private void Notify(Guid organisationId, Proposal proposal, string text, DateTime now) =>
        db.InboxItems.Add(InboxItem.For(organisationId, InboxItemKind.ProposalAnswered, nameof(Proposal), proposal.Id, text, now));
}
