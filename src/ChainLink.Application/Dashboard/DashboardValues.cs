namespace ChainLink.Application.Dashboard;

/// <summary>The value of each part, ChainLink:Dashboard:Values:&lt;Item&gt;; defaults and their reasons in docs/integration-dashboard.md §4.4.</summary>
public sealed class DashboardValues
{
    public DashboardValue GraduateHired { get; set; } = new() { Low = 10_000, Central = 30_000, High = 60_000 };
    public DashboardValue TrainingHour { get; set; } = new() { Low = 100, Central = 200, High = 400 };
    public DashboardValue MentorHour { get; set; } = new() { Low = 100, Central = 200, High = 400 };
    public DashboardValue PatentShared { get; set; } = new() { Low = 20_000, Central = 50_000, High = 200_000 };
    public DashboardValue EquipmentYuan { get; set; } = new() { Low = 0.2, Central = 1, High = 1 };
    public DashboardValue StaffHour { get; set; } = new() { Low = 100, Central = 150, High = 300 };

    public IEnumerable<(string Name, DashboardValue Value)> All() =>
    [
        (nameof(GraduateHired), GraduateHired), (nameof(TrainingHour), TrainingHour), (nameof(MentorHour), MentorHour),
        (nameof(PatentShared), PatentShared), (nameof(EquipmentYuan), EquipmentYuan), (nameof(StaffHour), StaffHour),
    ];
}
