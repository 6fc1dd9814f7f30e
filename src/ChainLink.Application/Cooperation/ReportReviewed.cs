using ChainLink.Domain.Cooperation;

namespace ChainLink.Application.Cooperation;

/// <summary>The state of an investment or outcome after a confirmation or dispute.</summary>
public sealed record ReportReviewed(Guid Id, ReportStatus Status, string? DisputeReason, int DisputeCount, int Version);
