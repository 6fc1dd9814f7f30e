using ChainLink.Application.Dashboard;
using ChainLink.Domain.Dashboard;

namespace ChainLink.Application.WhitePapers;

/// <summary>
/// What a white paper 《职业院校毕业生就业质量白皮书》 says, before it is laid out: graduate outcomes in all, by 盟市 and by
/// major class, the alignment of training with the barometer, and the cooperation figures behind it (the dashboard's own
/// figures for the same year and scope). <see cref="ScopeKey"/> is the region code, or <c>college:{id}</c> for a college's own.
/// </summary>
public sealed record WhitePaperContent(
    string Title,
    string ScopeKey,
    string ScopeName,
    int Year,
    bool CollegeOwnUse,
    GraduateOutcomeAggregateDto Total,
    IReadOnlyList<GraduateOutcomeAggregateDto> ByRegion,
    IReadOnlyList<GraduateOutcomeAggregateDto> ByMajorClass,
    DashboardFigure Alignment,
    DashboardFigure Structure,
    DashboardFigure Returns,
    DashboardFigure Roi,
    string MethodologyVersion,
    DateTime GeneratedAt);
