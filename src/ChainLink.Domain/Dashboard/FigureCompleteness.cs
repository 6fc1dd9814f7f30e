namespace ChainLink.Domain.Dashboard;

/// <summary>How much confirmed data a figure stands on (docs/integration-dashboard.md §5).</summary>
public sealed record FigureCompleteness(
    int Agreements,
    int AgreementsWithOutcomes,
    double? OutcomeReportedShare,
    int Reports,
    double? ConfirmedShare,
    double? DisputedShare,
    double? AwaitingShare);
