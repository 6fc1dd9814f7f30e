using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.Dashboard;

/// <summary>
/// A programme's graduate outcome as reported, with its rates and the verified part: graduates of the programme and
/// year whose hire an enterprise confirmed through cooperation.
/// </summary>
public sealed record GraduateOutcomeDto(
    Guid Id,
    Guid CollegeId,
    string CollegeName,
    Guid ProgrammeId,
    string ProgrammeName,
    string MajorCode,
    string CampusRegionCode,
    int GraduationYear,
    int Graduates,
    int EmployedAtSixMonths,
    int EmployedInMajor,
    int? RetainedAfterYear,
    int? MedianStartingPay,
    double EmploymentRate,
    double? RelevanceRate,
    double? RetentionRate,
    int VerifiedHires,
    DateTime UpdatedAt,
    int Version)
{
    public static GraduateOutcomeDto From(GraduateOutcome g, string collegeName, string programmeName, string majorCode, string campusRegionCode, int verifiedHires) =>
        new(g.Id, g.OrganisationId, collegeName, g.ProgrammeId, programmeName, majorCode, campusRegionCode, g.GraduationYear, g.Graduates,
            g.EmployedAtSixMonths, g.EmployedInMajor, g.RetainedAfterYear, g.MedianStartingPay,
            Rates.Share(g.EmployedAtSixMonths, g.Graduates) ?? 0, Rates.Share(g.EmployedInMajor, g.EmployedAtSixMonths),
            g.RetainedAfterYear is { } retained ? Rates.Share(retained, g.EmployedAtSixMonths) : null, verifiedHires, g.UpdatedAt, g.Version);
}
