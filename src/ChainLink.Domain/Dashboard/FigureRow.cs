namespace ChainLink.Domain.Dashboard;

/// <summary>One line of a figure's table; <see cref="Low"/> and <see cref="High"/> only where a sensitivity range applies.</summary>
public sealed record FigureRow(string Key, string Label, double? Value, string Unit, double? Low = null, double? High = null);
