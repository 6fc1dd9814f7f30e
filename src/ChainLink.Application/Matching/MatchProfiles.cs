using ChainLink.Domain.Demands;
using ChainLink.Domain.Matching;
using ChainLink.Domain.Programmes;

namespace ChainLink.Application.Matching;

/// <summary>How stored programmes and demands look to the ranking.</summary>
public static class MatchProfiles
{
    /// <summary>Skills with the modules that teach them (in the college's order), campus seat, level, graduates per year (actual once reported, else expected).</summary>
    public static ProgrammeProfile Of(Programme p, Func<string, GeoPoint?> seatOf) => new(
        p.Modules.OrderBy(m => m.Position)
            .SelectMany(m => m.Skills.Select(s => (s.SkillCode, m.Name)))
            .GroupBy(x => x.SkillCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Name).Distinct().ToList(), StringComparer.Ordinal),
        seatOf(p.CampusRegionCode),
        p.Level,
        p.Cohorts.Select(c => (c.Year, c.Actual ?? c.Expected)).ToList());

    public static DemandProfile Of(Demand d, Func<string, GeoPoint?> seatOf) => new(
        d.Skills.Select(s => new WantedSkill(s.SkillCode, s.Essential)).ToList(),
        seatOf(d.RegionCode),
        d.EducationLevel,
        d.Headcount,
        d.NeededBy);
}
