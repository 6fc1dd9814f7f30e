namespace ChainLink.Domain.Dashboard;

/// <summary>The values given to the non-monetary parts of returns and investment (docs/integration-dashboard.md §4.4).</summary>
public sealed record Valuation(
    ValueRange GraduateHired,
    ValueRange TrainingHour,
    ValueRange MentorHour,
    ValueRange PatentShared,
    ValueRange EquipmentYuan,
    ValueRange StaffHour);
