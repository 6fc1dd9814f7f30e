namespace ChainLink.Domain.Dashboard;

/// <summary>A programme with its enrolment plan and graduates (actual, else expected) of the dashboard's year, and the occupations its major leads to.</summary>
public sealed record ProgrammeFact(Guid Id, Guid CollegeId, IReadOnlyList<string> OccupationCodes, int Planned, int Graduates);
