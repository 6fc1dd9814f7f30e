using ChainLink.Domain.Cooperation;

namespace ChainLink.Domain.Dashboard;

/// <summary>An agreement as the dashboard counts it; <see cref="EnterpriseId"/> / <see cref="CollegeId"/> are the parties of those kinds.</summary>
public sealed record AgreementFact(
    Guid Id,
    Guid? EnterpriseId,
    Guid? CollegeId,
    Guid? ProgrammeId,
    CooperationMode Modes,
    bool RunsAsEntity,
    AgreementStatus Status,
    DateOnly Start,
    DateOnly End,
    DateTime? EndedAt)
{
    /// <summary>The agreement's period, from its start to its end date or the day it was ended if earlier, overlaps [from, to].</summary>
    public bool Overlaps(DateOnly from, DateOnly to)
    {
        var last = EndedAt is { } ended && DateOnly.FromDateTime(ended) < End ? DateOnly.FromDateTime(ended) : End;
        return Start <= to && last >= from;
    }
}
