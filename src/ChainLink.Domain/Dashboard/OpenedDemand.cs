namespace ChainLink.Domain.Dashboard;

/// <summary>A demand entering the funnel; <see cref="Matchable"/> when an approved college's programme teaches a major leading to its occupation.</summary>
public sealed record OpenedDemand(Guid Id, DateTime OpenedAt, bool Matchable);
