namespace ChainLink.Domain.Dashboard;

/// <summary>A proposal about a demand; <see cref="AgreementId"/> and <see cref="AnsweredAt"/> once it was accepted.</summary>
public sealed record ProposalFact(Guid Id, Guid DemandId, DateTime CreatedAt, Guid? AgreementId, DateTime? AnsweredAt);
