using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;

namespace ChainLink.Application.Matching;

/// <summary>A programme as matching holds it in memory: what the ranking needs and what a result shows.</summary>
public sealed record StoredProgramme(
    Guid Id, Guid OrganisationId, string Name, string MajorCode, EducationLevel Level, string CampusRegionCode, ProgrammeProfile Profile);
