using ChainLink.Domain.Cooperation;

namespace ChainLink.Domain.Dashboard;

/// <summary>A reported outcome; <see cref="ReviewedAt"/> is when the other party last confirmed or disputed it.</summary>
public sealed record OutcomeFact(
    Guid Id, Guid AgreementId, OutcomeKind Kind, int Year, int Quantity, long? ContractValue, Guid? ProgrammeId, ReportStatus Status, int DisputeCount,
    DateTime? ReviewedAt);
