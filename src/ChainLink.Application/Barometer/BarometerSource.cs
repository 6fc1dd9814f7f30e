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

        // Positions in the window are computed in SQL from the quarters' first instants, so the database groups
        // demands by the span of quarters they were open over [OpenedAt, ClosedAt) and returns groups, not rows.
        var starts = Enumerable.Range(1, BarometerCalculator.HistoryQuarters - 1).Select(i => (object)first.AddQuarters(i).Start.UtcDateTime).ToList();
        object[] parameters = [.. starts, windowStart, windowEnd];
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        // The SQL text is built from constants only; every value goes in as a parameter.
        var demandSql = $"""
                SELECT Code, Region, OrganisationId, FromPosition, ToPosition, COUNT(*) AS Demands, SUM(Headcount) AS Headcount
                FROM (SELECT d.OccupationCode AS Code, d.RegionCode AS Region, d.OrganisationId, {Positions("d")}, CAST(d.Headcount AS BIGINT) AS Headcount
                      FROM Demands d WHERE {Open("d")}) AS x
                GROUP BY Code, Region, OrganisationId, FromPosition, ToPosition
                """;
        var flows = (await db.Database.SqlQueryRaw<FlowRow>(demandSql, parameters).ToListAsync(ct))
            .Select(r => new DemandFlow(r.Code, r.Region, r.OrganisationId, first.Index + r.FromPosition, first.Index + r.ToPosition, r.Demands, r.Headcount))
            .ToList();
        // SQLite: CROSS JOIN keeps the demands as the outer loop (one scan) instead of a lookup per skill row.
        var skillSql = $"""
                SELECT Code, '' AS Region, OrganisationId, FromPosition, ToPosition, 0 AS Demands, SUM(Headcount) AS Headcount
                FROM (SELECT s.SkillCode AS Code, d.OrganisationId, {Positions("d")}, CAST(d.Headcount AS BIGINT) AS Headcount
                      FROM Demands d {(sqlite ? "CROSS" : "INNER")} JOIN DemandSkills s ON s.DemandId = d.Id WHERE {Open("d")}) AS x
                GROUP BY Code, OrganisationId, FromPosition, ToPosition
                """;
        var skillFlows = (await db.Database.SqlQueryRaw<FlowRow>(skillSql, parameters).ToListAsync(ct))
            .Select(r => new SkillDemandFlow(r.Code, r.OrganisationId, first.Index + r.FromPosition, first.Index + r.ToPosition, r.Headcount))
            .ToList();

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

    /// <summary>
    /// FromPosition: the window quarter OpenedAt falls in; ToPosition: the last window quarter whose first instant is
    /// before ClosedAt (a demand closed exactly at a quarter's start was not open in it). Parameters {0}–{10} are the
    /// first instants of window quarters 1–11, {11} the window's start and {12} its end.
    /// </summary>
    private static string Positions(string d)
    {
        var last = BarometerCalculator.HistoryQuarters - 1;
        var from = string.Concat(Enumerable.Range(0, last).Select(i => $" WHEN {d}.OpenedAt < {{{i}}} THEN {i}"));
        var to = string.Concat(Enumerable.Range(0, last).Select(i => $" WHEN {d}.ClosedAt <= {{{i}}} THEN {i}"));
        return $"CASE{from} ELSE {last} END AS FromPosition, CASE WHEN {d}.ClosedAt IS NULL THEN {last}{to} ELSE {last} END AS ToPosition";
    }

    private static string Open(string d) =>
        $"{d}.Status <> {(int)DemandStatus.Draft} AND {d}.OpenedAt IS NOT NULL AND {d}.OpenedAt < {{12}} AND ({d}.ClosedAt IS NULL OR {d}.ClosedAt > {{11}})";

    private sealed record FlowRow(string Code, string Region, Guid OrganisationId, int FromPosition, int ToPosition, int Demands, long Headcount);

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
