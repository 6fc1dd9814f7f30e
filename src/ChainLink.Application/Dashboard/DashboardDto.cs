using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.Dashboard;

/// <summary>The dashboard as computed for the filter actually applied (a college or enterprise has its own id filled in).</summary>
public sealed record DashboardDto(string MethodologyVersion, DashboardFilter Filter, IReadOnlyList<DashboardFigure> Figures);
