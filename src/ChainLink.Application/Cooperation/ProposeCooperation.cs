using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// An enterprise proposes to a college or a college to an enterprise, about a demand, a programme and/or a technology
/// need of either side (or directly). <see cref="EntityKind"/> null proposes an agreement-only cooperation.
/// </summary>
public sealed record ProposeCooperation(
    Guid ToOrganisationId,
    Guid? DemandId,
    Guid? ProgrammeId,
    Guid? TechnologyNeedId,
    IReadOnlyList<CooperationMode>? Modes,
    string Message,
    DateTime ValidUntil,
    DateOnly StartDate,
    DateOnly EndDate,
    CooperationEntityKind? EntityKind) : ICommand<ProposalDto>;

internal sealed class ProposeCooperationValidator : AbstractValidator<ProposeCooperation>
{
    public ProposeCooperationValidator()
    {
        RuleFor(x => x.ToOrganisationId).NotEmpty().WithMessage("请选择合作对象。");
        RuleFor(x => x.Modes).NotEmpty().WithMessage("请至少选择一种合作方式。");
        this.ListOf(x => x.Modes, 10).IsInEnum().NotEqual(CooperationMode.None).WithMessage("不是可选的合作方式。");
        RuleFor(x => x.Message).NotEmpty().WithMessage("请填写提议说明。").MaximumLength(CooperationLimits.MaxMessageLength)
            .WithMessage($"提议说明最多 {CooperationLimits.MaxMessageLength} 个字符。");
        RuleFor(x => x.EntityKind).IsInEnum().WithMessage("不是可选的实体形式。");
    }
}

internal sealed class ProposeCooperationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposeCooperation, ProposalDto>
{
    public async ValueTask<ProposalDto> Handle(ProposeCooperation command, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        var proposer = await db.Organisations.AsNoTracking().Where(o => o.Id == own).Select(o => new { o.Kind, o.Status }).SingleAsync(ct);
        if (proposer.Status != OrganisationStatus.Approved)
            throw new ForbiddenException("本机构尚未通过审核，审核通过后才能发起合作提议。");
        // The one visibility rule: a pending or rejected organisation cannot be proposed to, and does not show that it exists.
        var target = await db.Organisations.AsNoTracking().Public().Where(o => o.Id == command.ToOrganisationId)
            .Select(o => new { o.Id, o.Kind, o.Name }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("找不到该合作对象，或该机构尚未通过审核。");
        if (!IsIndustryEducationPair(proposer.Kind, target.Kind))
            throw new DomainRuleException("toOrganisationId", "合作提议须在企业与院校之间发起。");
        await CheckSubjectsAsync(command, own, target.Id, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var terms = new ProposalTerms(command.DemandId, command.ProgrammeId, command.TechnologyNeedId, CooperationAccess.Combine(command.Modes),
            command.Message, command.ValidUntil.ToUniversalTime(), command.StartDate, command.EndDate, command.EntityKind);
        var proposal = Proposal.Create(Guid.CreateVersion7(), own, target.Id, terms, user.RequireUserId(), now);
        db.Proposals.Add(proposal);
        var fromName = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        db.InboxItems.Add(InboxItem.For(target.Id, InboxItemKind.ProposalReceived, nameof(Proposal), proposal.Id,
            $"{fromName} 向本机构提议合作（{CooperationAccess.Summary(proposal.Modes)}），请在 {proposal.ValidUntil:yyyy-MM-dd} 前答复。", now));
        await db.SaveChangesAsync(ct);
        return await proposal.ToDtoAsync(db, user, now, ct);
    }

    private static bool IsIndustryEducationPair(OrganisationKind a, OrganisationKind b) =>
        (a, b) is (OrganisationKind.Enterprise, OrganisationKind.College) or (OrganisationKind.College, OrganisationKind.Enterprise);

    /// <summary>The demand, programme and technology need must exist, be visible, and belong to one of the two sides.</summary>
    private async Task CheckSubjectsAsync(ProposeCooperation command, Guid own, Guid target, CancellationToken ct)
    {
        if (command.DemandId is { } demandId && !await db.Demands.AsNoTracking().VisibleTo(db, own)
                .AnyAsync(d => d.Id == demandId && (d.OrganisationId == own || d.OrganisationId == target), ct))
            throw new DomainRuleException("demandId", "该需求不存在，或不属于提议的双方。");
        if (command.ProgrammeId is { } programmeId && !await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, own)
                .AnyAsync(p => p.Id == programmeId && (p.OrganisationId == own || p.OrganisationId == target), ct))
            throw new DomainRuleException("programmeId", "该专业不存在，或不属于提议的双方。");
        if (command.TechnologyNeedId is { } needId && !await db.TechnologyNeeds.AsNoTracking().VisibleTo(n => n.OrganisationId, db, own)
                .AnyAsync(n => n.Id == needId && n.Status == TechnologyNeedStatus.Open && (n.OrganisationId == own || n.OrganisationId == target), ct))
            throw new DomainRuleException("technologyNeedId", "该技术需求不存在、已关闭，或不属于提议的双方。");
    }
}
