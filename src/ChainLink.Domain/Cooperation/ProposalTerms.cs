namespace ChainLink.Domain.Cooperation;

/// <summary>What a proposal offers; the entity checks it as one.</summary>
public sealed record ProposalTerms(
    Guid? DemandId,
    Guid? ProgrammeId,
    Guid? TechnologyNeedId,
    CooperationMode Modes,
    string Message,
    DateTime ValidUntil,
    DateOnly StartDate,
    DateOnly EndDate,
    CooperationEntityKind? EntityKind);
