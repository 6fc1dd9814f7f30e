using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

/// <summary>An agreement in a list: no contacts, no figures.</summary>
public sealed record AgreementSummaryDto(
    Guid Id,
    Guid FirstPartyId,
    string FirstPartyName,
    Guid SecondPartyId,
    string SecondPartyName,
    IReadOnlyList<CooperationMode> Modes,
    DateOnly StartDate,
    DateOnly EndDate,
    bool RunsAsEntity,
    CooperationEntityKind? EntityKind,
    AgreementStatus Status,
    int Version);
