using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// An agreement with its investments and outcomes: every one for the parties, only confirmed ones for government
/// (whose reading carries no contact details either).
/// </summary>
public sealed record AgreementDto(
    Guid Id,
    Guid ProposalId,
    PartyDto FirstParty,
    PartyDto SecondParty,
    Guid? DemandId,
    Guid? ProgrammeId,
    Guid? TechnologyNeedId,
    IReadOnlyList<CooperationMode> Modes,
    DateOnly StartDate,
    DateOnly EndDate,
    bool RunsAsEntity,
    CooperationEntityKind? EntityKind,
    AgreementStatus Status,
    DateTime CreatedAt,
    DateTime? SuspendedAt,
    DateTime? EndedAt,
    string? StatusReason,
    int Version,
    IReadOnlyList<InvestmentDto> Investments,
    IReadOnlyList<OutcomeDto> Outcomes);
