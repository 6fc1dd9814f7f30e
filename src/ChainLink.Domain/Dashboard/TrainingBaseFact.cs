using ChainLink.Domain.Resources;

namespace ChainLink.Domain.Dashboard;

/// <summary>A training base's yearly capacity (station-hours) and the hours its owner declared used per quarter.</summary>
public sealed record TrainingBaseFact(Guid Id, int CapacityHoursPerYear, IReadOnlyList<QuarterUsage> Usage);
