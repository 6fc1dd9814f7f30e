using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;

namespace ChainLink.Application.Matching;

/// <summary>An open demand as matching holds it in memory: what the ranking needs and what a result shows.</summary>
public sealed record StoredDemand(
    Guid Id, Guid OrganisationId, string Title, string OccupationCode, EducationLevel Level, int Headcount, Quarter NeededBy, string RegionCode,
    DemandProfile Profile);
