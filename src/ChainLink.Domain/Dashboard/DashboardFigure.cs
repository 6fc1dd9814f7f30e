namespace ChainLink.Domain.Dashboard;

/// <summary>One figure of the dashboard: its table, its completeness, the records behind it and what a reader must know.</summary>
public sealed record DashboardFigure(
    string Key,
    string Title,
    IReadOnlyList<FigureRow> Rows,
    FigureCompleteness Completeness,
    IReadOnlyList<RecordRef> Records,
    IReadOnlyList<string> Notes);
