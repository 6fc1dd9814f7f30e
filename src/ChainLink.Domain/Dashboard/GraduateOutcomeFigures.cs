namespace ChainLink.Domain.Dashboard;

/// <summary>
/// One programme's graduates of one year, as counts (never people): employed at 6 months, of them in a job related to
/// the major and still with their first employer after a year; the median starting pay in yuan per month. Retention stays empty until a year has
/// passed, and pay when it was not surveyed.
/// </summary>
public sealed record GraduateOutcomeFigures(int Graduates, int EmployedAtSixMonths, int EmployedInMajor, int? RetainedAfterYear, int? MedianStartingPay);
