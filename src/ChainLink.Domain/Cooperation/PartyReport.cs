using ChainLink.Domain.Common;

namespace ChainLink.Domain.Cooperation;

/// <summary>
/// A figure one party of an agreement reports and only the other party confirms or disputes; only confirmed figures
/// count anywhere. A disputed one keeps its reason until the reporter corrects it, which asks for confirmation again.
/// </summary>
public abstract class PartyReport
{
    public Guid Id { get; protected set; }
    public Guid AgreementId { get; protected set; }
    public Guid ReportedByOrganisationId { get; protected set; }
    public Guid ReportedByUserId { get; protected set; }
    public DateTime ReportedAt { get; protected set; }
    public ReportStatus Status { get; protected set; }
    public string? DisputeReason { get; protected set; }

    /// <summary>How often it was disputed: a figure confirmed after a dispute says so.</summary>
    public int DisputeCount { get; protected set; }

    public DateTime? ReviewedAt { get; protected set; }
    public Guid? ReviewedByOrganisationId { get; protected set; }
    public int Version { get; protected set; }

    protected abstract string What { get; }

    public void Confirm(Guid byOrganisationId, DateTime now)
    {
        Ensure(ReportStatus.Reported, "确认");
        Status = ReportStatus.Confirmed;
        DisputeReason = null;
        Reviewed(byOrganisationId, now);
    }

    public void Dispute(string reason, Guid byOrganisationId, DateTime now)
    {
        var trimmed = CooperationLimits.Reason(reason, "reason");
        Ensure(ReportStatus.Reported, "提出异议");
        Status = ReportStatus.Disputed;
        DisputeReason = trimmed;
        DisputeCount++;
        Reviewed(byOrganisationId, now);
    }

    /// <summary>Before the reporter's corrected values are applied: only a disputed figure is corrected.</summary>
    protected void BeginCorrection(DateTime now)
    {
        Ensure(ReportStatus.Disputed, "更正");
        Status = ReportStatus.Reported;
        ReportedAt = now;
        Version++;
    }

    private void Reviewed(Guid byOrganisationId, DateTime now)
    {
        ReviewedAt = now;
        ReviewedByOrganisationId = byOrganisationId;
        Version++;
    }

    private void Ensure(ReportStatus required, string action)
    {
        if (Status != required)
            throw new TransitionNotAllowedException(
                $"该{What}当前状态为“{CooperationNames.Of(Status)}”，只有“{CooperationNames.Of(required)}”的{What}可以{action}。");
    }
}
