namespace ChainLink.Application.Dashboard;

/// <summary>
/// Which records a dashboard request covers (docs/integration-dashboard.md §3): the year (the current one when absent),
/// a quarter, a region code, an industry cluster, a college and an enterprise.
/// </summary>
public sealed record DashboardFilter(int? Year, int? Quarter, string? Region, string? Cluster, Guid? College, Guid? Enterprise);
