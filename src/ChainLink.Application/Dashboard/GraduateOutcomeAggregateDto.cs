namespace ChainLink.Application.Dashboard;

/// <summary>
/// Graduate outcomes of one year summed over a 盟市 or a major class. A withheld cell (<see cref="Suppressed"/>) carries
/// only its key, name and reason; every figure is null.
/// </summary>
public sealed record GraduateOutcomeAggregateDto(
    string Key,
    string Name,
    int Year,
    int? Colleges,
    int? Programmes,
    int? Graduates,
    int? EmployedAtSixMonths,
    int? EmployedInMajor,
    int? RetainedAfterYear,
    double? EmploymentRate,
    double? RelevanceRate,
    double? RetentionRate,
    double? MedianStartingPay,
    int? VerifiedHires,
    bool Suppressed,
    string? SuppressionReason);
