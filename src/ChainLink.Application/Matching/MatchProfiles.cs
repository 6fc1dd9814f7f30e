using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Matching;
using ChainLink.Domain.Programmes;

namespace ChainLink.Application.Matching;

/// <summary>How stored programmes and demands look to the ranking.</summary>
public static class MatchProfiles
{
    /// <summary>Skills with the modules that teach them (in the college's order), campus seat, level, graduates per year (actual once reported, else expected).</summary>
    public static ProgrammeProfile Of(Programme p, Func<string, GeoPoint?> seatOf) => Programme(
        p.Modules.OrderBy(m => m.Position).SelectMany(m => m.Skills.Select(s => (s.SkillCode, m.Name))),
        p.CampusRegionCode, p.Level, p.Cohorts.Select(c => (c.Year, c.Actual ?? c.Expected)), seatOf);

    /// <param name="skillsInModuleOrder">Each module's skills, modules in the college's order.</param>
    public static ProgrammeProfile Programme(
        IEnumerable<(string SkillCode, string ModuleName)> skillsInModuleOrder, string campusRegionCode, EducationLevel level,
        IEnumerable<(int Year, int Graduates)> cohorts, Func<string, GeoPoint?> seatOf) => new(
        skillsInModuleOrder
            .GroupBy(x => x.SkillCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.ModuleName).Distinct().ToList(), StringComparer.Ordinal),
        seatOf(campusRegionCode),
        level,
        cohorts.ToList());

    public static DemandProfile Of(Demand d, Func<string, GeoPoint?> seatOf) =>
        Demand(d.Skills.Select(s => new WantedSkill(s.SkillCode, s.Essential)), d.RegionCode, d.EducationLevel, d.Headcount, d.NeededBy, seatOf);

    public static DemandProfile Demand(
        IEnumerable<WantedSkill> skills, string regionCode, EducationLevel level, int headcount, Quarter neededBy, Func<string, GeoPoint?> seatOf) =>
        new(skills.ToList(), seatOf(regionCode), level, headcount, neededBy);
}
