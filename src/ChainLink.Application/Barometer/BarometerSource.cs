using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Barometer;

/// <summary>
/// Reads what one edition needs, aggregated in SQL: demands grouped by occupation, region, organisation and the span of
/// quarters they were open, so the database returns groups rather than a million rows.
/// </summary>
public static class BarometerSource
{
    public static async Task<BarometerInput> LoadAsync(IAppDbContext db, Quarter quarter, CancellationToken ct)
    {
        var first = quarter.AddQuarters(1 - BarometerCalculator.HistoryQuarters);
        var windowStart = first.Start.UtcDateTime;
        var windowEnd = quarter.AddQuarters(1).Start.UtcDateTime;

        // Open over [OpenedAt, ClosedAt): the last quarter is the one ClosedAt falls in, or the one before when it
        // falls exactly on a quarter's first instant.
        var open = db.Demands.AsNoTracking()
            .Where(d => d.Status != DemandStatus.Draft && d.OpenedAt != null && d.OpenedAt < windowEnd && (d.ClosedAt == null || d.ClosedAt > windowStart));

        var flows = await open
            .GroupBy(d => new
            {
                d.OccupationCode,
                d.RegionCode,
                d.OrganisationId,
                From = d.OpenedAt!.Value.Year * 4 + (d.OpenedAt.Value.Month - 1) / 3,
                To = d.ClosedAt == null ? (int?)null
                    : d.ClosedAt.Value.Year * 4 + (d.ClosedAt.Value.Month - 1) / 3
                      - (d.ClosedAt.Value.Day == 1 && (d.ClosedAt.Value.Month - 1) % 3 == 0 && d.ClosedAt.Value.Hour == 0
                         && d.ClosedAt.Value.Minute == 0 && d.ClosedAt.Value.Second == 0 && d.ClosedAt.Value.Millisecond == 0 ? 1 : 0),
            })
            .Select(g => new DemandFlow(g.Key.OccupationCode, g.Key.RegionCode, g.Key.OrganisationId, g.Key.From, g.Key.To, g.Count(), g.Sum(d => (long)d.Headcount)))
            .ToListAsync(ct);

        var skillFlows = await open
            .SelectMany(d => d.Skills, (d, s) => new { s.SkillCode, d.OrganisationId, d.OpenedAt, d.ClosedAt, d.Headcount })
            .GroupBy(d => new
            {
                d.SkillCode,
                d.OrganisationId,
                From = d.OpenedAt!.Value.Year * 4 + (d.OpenedAt.Value.Month - 1) / 3,
                To = d.ClosedAt == null ? (int?)null
                    : d.ClosedAt.Value.Year * 4 + (d.ClosedAt.Value.Month - 1) / 3
                      - (d.ClosedAt.Value.Day == 1 && (d.ClosedAt.Value.Month - 1) % 3 == 0 && d.ClosedAt.Value.Hour == 0
                         && d.ClosedAt.Value.Minute == 0 && d.ClosedAt.Value.Second == 0 && d.ClosedAt.Value.Millisecond == 0 ? 1 : 0),
            })
            .Select(g => new SkillDemandFlow(g.Key.SkillCode, g.Key.OrganisationId, g.Key.From, g.Key.To, g.Sum(d => (long)d.Headcount)))
            .ToListAsync(ct);

        // A cohort of year Y enters the market from Y's third quarter over the next four quarters.
        var minYear = first.Year - 1;
        var maxYear = quarter.Year;
        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new { p.Id, p.OrganisationId, p.MajorCode, p.CampusRegionCode })
            .ToListAsync(ct);
        var cohorts = (await db.Programmes.AsNoTracking()
                .SelectMany(p => p.Cohorts, (p, c) => new { p.Id, c.Year, Graduates = c.Actual ?? c.Expected })
                .Where(c => c.Year >= minYear && c.Year <= maxYear)
                .ToListAsync(ct))
            .ToLookup(c => c.Id, c => new CohortGraduates(c.Year, c.Graduates));
        var skills = (await db.Programmes.AsNoTracking()
                .SelectMany(p => p.Modules, (p, m) => new { p.Id, m.Skills })
                .SelectMany(m => m.Skills, (m, s) => new { m.Id, s.SkillCode })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(s => s.Id, s => s.SkillCode);
        var supply = programmes
            .Where(p => cohorts.Contains(p.Id))
            .Select(p => new ProgrammeSupply(p.OrganisationId, p.MajorCode, p.CampusRegionCode, cohorts[p.Id].ToList(), skills[p.Id].ToList()))
            .ToList();

        return new BarometerInput(flows, skillFlows, supply, await LoadReferenceAsync(db, ct));
    }

    private static async Task<BarometerReference> LoadReferenceAsync(IAppDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(ct);
        return new BarometerReference(
            await db.Occupations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct),
            await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.NameZh, StringComparer.Ordinal, ct),
            await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.NameZh, StringComparer.Ordinal, ct),
            regions.ToDictionary(r => r.Code, r => (r.Name, r.ParentCode), StringComparer.Ordinal),
            (await db.MajorOccupations.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.MajorCode, l => l.OccupationCode, StringComparer.Ordinal),
            (await db.ClusterOccupations.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.OccupationCode, l => l.ClusterCode, StringComparer.Ordinal),
            (await db.ClusterMajors.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.MajorCode, l => l.ClusterCode, StringComparer.Ordinal),
            (await db.ClusterRegions.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.ClusterCode, l => l.RegionCode, StringComparer.Ordinal));
    }
}
