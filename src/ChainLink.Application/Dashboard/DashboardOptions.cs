using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.Dashboard;

/// <summary>
/// Configuration section ChainLink:Dashboard: what a unit of each non-monetary part of returns and investment is worth
/// (yuan), with the bounds of the ROI's sensitivity range (docs/integration-dashboard.md §4.4); checked at start by
/// <see cref="Problems"/>.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "ChainLink:Dashboard";

    public DashboardValues Values { get; set; } = new();

    public Valuation ToValuation() => new(Values.GraduateHired.ToRange(), Values.TrainingHour.ToRange(), Values.MentorHour.ToRange(),
        Values.PatentShared.ToRange(), Values.EquipmentYuan.ToRange(), Values.StaffHour.ToRange());

    /// <summary>What is wrong with these settings, one message per problem; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in Values.All())
        {
            if (!(value.Low >= 0 && value.Low <= value.Central && value.Central <= value.High && value.Central > 0 && double.IsFinite(value.High)))
                yield return $"{Section}:Values:{name} needs 0 <= Low <= Central <= High and Central > 0 (got {value.Low}, {value.Central}, {value.High}).";
        }
    }
}
