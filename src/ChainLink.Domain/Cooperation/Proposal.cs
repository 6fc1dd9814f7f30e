using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>
/// One organisation's offer to cooperate with another (from a match, a technology need, or directly). Accepting it
/// makes the <see cref="Agreement"/>; past <see cref="ValidUntil"/> a pending proposal is expired and nothing can be
/// done with it.
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    public Guid Id { get; private set; }
    public Guid FromOrganisationId { get; private set; }
    public Guid ToOrganisationId { get; private set; }
    public Guid? DemandId { get; private set; }
    public Guid? ProgrammeId { get; private set; }
    public Guid? TechnologyNeedId { get; private set; }
    public CooperationMode Modes { get; private set; }
    public string Message { get; private set; } = "";
    public DateTime ValidUntil { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public CooperationEntityKind? EntityKind { get; private set; }

    /// <summary>As stored: a proposal that expired still reads Pending here; <see cref="StatusAt"/> is what it is.</summary>
    public ProposalStatus Status { get; private set; }

    public string? DeclineReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AgreementId { get; private set; }
    public int Version { get; private set; }

    public static Proposal Create(Guid id, Guid from, Guid to, ProposalTerms terms, Guid byUserId, DateTime now)
    {
        if (from == to) throw new DomainRuleException("toOrganisationId", "不能向本机构发起合作提议。");
        if (terms.Modes == CooperationMode.None) throw new DomainRuleException("modes", "请至少选择一种合作方式。");
        if (string.IsNullOrWhiteSpace(terms.Message)) throw new DomainRuleException("message", "请填写提议说明。");
        if (terms.Message.Trim().Length > CooperationLimits.MaxMessageLength)
            throw new DomainRuleException("message", $"提议说明最多 {CooperationLimits.MaxMessageLength} 个字符。");
        if (terms.ValidUntil <= now || terms.ValidUntil > now.AddDays(CooperationLimits.MaxValidityDays))
            throw new DomainRuleException("validUntil", $"有效期须晚于现在，且不超过 {CooperationLimits.MaxValidityDays} 天。");
        Agreement.CheckDates(terms.StartDate, terms.EndDate);
        return new Proposal
        {
            Id = id, FromOrganisationId = from, ToOrganisationId = to, DemandId = terms.DemandId, ProgrammeId = terms.ProgrammeId,
            TechnologyNeedId = terms.TechnologyNeedId, Modes = terms.Modes, Message = terms.Message.Trim(), ValidUntil = terms.ValidUntil,
            StartDate = terms.StartDate, EndDate = terms.EndDate, EntityKind = terms.EntityKind, Status = ProposalStatus.Pending,
            CreatedAt = now, CreatedByUserId = byUserId, Version = 1,
        };
    }

    /// <summary>The status at <paramref name="now"/>: expiry is computed, never swept, so it is exact to the second.</summary>
    public ProposalStatus StatusAt(DateTime now) => Status == ProposalStatus.Pending && now > ValidUntil ? ProposalStatus.Expired : Status;

    /// <summary>The receiving side accepts: the proposal becomes an active agreement on its terms.</summary>
    public Agreement Accept(Guid agreementId, DateTime now)
    {
        EnsurePending(now, "接受");
        Answer(ProposalStatus.Accepted, now);
        AgreementId = agreementId;
        return Agreement.FromProposal(agreementId, this, now);
    }

    public void Decline(string reason, DateTime now)
    {
        var trimmed = CooperationLimits.Reason(reason, "reason");
        EnsurePending(now, "拒绝");
        Answer(ProposalStatus.Declined, now);
        DeclineReason = trimmed;
    }

    public void Withdraw(DateTime now)
    {
        EnsurePending(now, "撤回");
        Answer(ProposalStatus.Withdrawn, now);
    }

    private void EnsurePending(DateTime now, string action)
    {
        var status = StatusAt(now);
        if (status != ProposalStatus.Pending)
            throw new TransitionNotAllowedException($"该合作提议当前状态为“{CooperationNames.Of(status)}”，只有待答复的提议可以{action}。");
    }

    private void Answer(ProposalStatus to, DateTime now)
    {
        Status = to;
        AnsweredAt = now;
        Version++;
    }
}
