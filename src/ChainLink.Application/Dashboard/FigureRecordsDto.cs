namespace ChainLink.Application.Dashboard;

/// <summary>A figure's drill-down for the filter applied: the records it was computed from, in the figure's order.</summary>
public sealed record FigureRecordsDto(string Figure, string Title, DashboardFilter Filter, IReadOnlyList<FigureRecordDto> Records);
