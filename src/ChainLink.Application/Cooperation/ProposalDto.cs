using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

/// <summary>A proposal as a reader sees it; <see cref="Status"/> is computed (a pending one past its date reads Expired).</summary>
public sealed record ProposalDto(
    Guid Id,
    PartyDto From,
    PartyDto To,
    Guid? DemandId,
    Guid? ProgrammeId,
    Guid? TechnologyNeedId,
    IReadOnlyList<CooperationMode> Modes,
    string Message,
    DateTime ValidUntil,
    DateOnly StartDate,
    DateOnly EndDate,
    CooperationEntityKind? EntityKind,
    ProposalStatus Status,
    string? DeclineReason,
    DateTime CreatedAt,
    DateTime? AnsweredAt,
    Guid? AgreementId,
    int Version);
