using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.Dashboard;

/// <summary>One configured value: the central figure and the bounds of its sensitivity range, in yuan per unit.</summary>
public sealed class DashboardValue
{
    public double Low { get; set; }
    public double Central { get; set; }
    public double High { get; set; }

    public ValueRange ToRange() => new(Low, Central, High);
}
