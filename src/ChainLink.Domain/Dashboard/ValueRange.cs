namespace ChainLink.Domain.Dashboard;

/// <summary>What one unit of a non-monetary part is worth in yuan: the central value and the bounds of the sensitivity range.</summary>
public sealed record ValueRange(double Low, double Central, double High);
