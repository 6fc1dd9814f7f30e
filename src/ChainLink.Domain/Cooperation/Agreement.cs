using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>
/// A cooperation both sides agreed to, made by accepting a <see cref="Proposal"/>: its two parties, modes, dates, and
/// whether it runs as an entity with its own budget and staff (<see cref="EntityKind"/>) or only as a signed agreement.
/// </summary>
public sealed class Agreement
{
    private Agreement() { }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }

    /// <summary>The side that proposed.</summary>
    public Guid FirstPartyId { get; private set; }

    /// <summary>The side that accepted.</summary>
    public Guid SecondPartyId { get; private set; }

    public Guid? DemandId { get; private set; }
    public Guid? ProgrammeId { get; private set; }
    public Guid? TechnologyNeedId { get; private set; }
    public CooperationMode Modes { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public CooperationEntityKind? EntityKind { get; private set; }
    public bool RunsAsEntity => EntityKind is not null;
    public AgreementStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SuspendedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>Why it was last suspended or ended.</summary>
    public string? StatusReason { get; private set; }

    public int Version { get; private set; }

    public bool IsParty(Guid? organisationId) => organisationId == FirstPartyId || organisationId == SecondPartyId;

    public Guid OtherParty(Guid organisationId) => organisationId == FirstPartyId ? SecondPartyId : FirstPartyId;

    internal static Agreement FromProposal(Guid id, Proposal proposal, DateTime now) => new()
    {
        Id = id, ProposalId = proposal.Id, FirstPartyId = proposal.FromOrganisationId, SecondPartyId = proposal.ToOrganisationId,
        DemandId = proposal.DemandId, ProgrammeId = proposal.ProgrammeId, TechnologyNeedId = proposal.TechnologyNeedId,
        Modes = proposal.Modes, StartDate = proposal.StartDate, EndDate = proposal.EndDate, EntityKind = proposal.EntityKind,
        Status = AgreementStatus.Active, CreatedAt = now, Version = 1,
    };

    public static void CheckDates(DateOnly start, DateOnly end)
    {
        if (start.Year is < CooperationLimits.MinYear or > CooperationLimits.MaxYear)
            throw new DomainRuleException("startDate", $"开始日期须在 {CooperationLimits.MinYear} 至 {CooperationLimits.MaxYear} 年之间。");
        if (end <= start) throw new DomainRuleException("endDate", "结束日期须晚于开始日期。");
        if (end > start.AddYears(CooperationLimits.MaxAgreementYears))
            throw new DomainRuleException("endDate", $"合作期限最长 {CooperationLimits.MaxAgreementYears} 年。");
    }

    public void Suspend(string reason, DateTime now)
    {
        var trimmed = CooperationLimits.Reason(reason, "reason");
        Ensure(AgreementStatus.Active, "暂停");
        Status = AgreementStatus.Suspended;
        SuspendedAt = now;
        StatusReason = trimmed;
        Version++;
    }

    public void Resume()
    {
        Ensure(AgreementStatus.Suspended, "恢复");
        Status = AgreementStatus.Active;
        SuspendedAt = null;
        StatusReason = null;
        Version++;
    }

    public void End(string reason, DateTime now)
    {
        var trimmed = CooperationLimits.Reason(reason, "reason");
        if (Status == AgreementStatus.Ended)
            throw new TransitionNotAllowedException($"该合作协议当前状态为“{CooperationNames.Of(Status)}”，不能再终止。");
        Status = AgreementStatus.Ended;
        EndedAt = now;
        StatusReason = trimmed;
        Version++;
    }

    /// <summary>Investments and outcomes can be reported while the agreement runs and after it ended, not while it is suspended.</summary>
    public void EnsureAcceptsReports()
    {
        if (Status == AgreementStatus.Suspended)
            throw new TransitionNotAllowedException($"该合作协议当前状态为“{CooperationNames.Of(Status)}”，恢复后才能填报投入和成果。");
    }

    private void Ensure(AgreementStatus required, string action)
    {
        if (Status != required)
            throw new TransitionNotAllowedException(
                $"该合作协议当前状态为“{CooperationNames.Of(Status)}”，只有“{CooperationNames.Of(required)}”的协议可以{action}。");
    }
}
