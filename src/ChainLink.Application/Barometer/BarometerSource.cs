using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using System.Data.Common;
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
        // Read with a plain data reader: these are the two largest results of the product, and EF's materialiser
        // costs more than the query.
        var bounds = Enumerable.Range(1, BarometerCalculator.HistoryQuarters - 1).Select(i => first.AddQuarters(i).Start.UtcDateTime)
            .Append(windowStart).Append(windowEnd).ToArray();
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var flows = new List<DemandFlow>();
        await ReadAsync(db, $"""
                SELECT Code, Region, OrganisationId, FromPosition, ToPosition, COUNT(*) AS Demands, SUM(Headcount) AS Headcount
                FROM (SELECT d.OccupationCode AS Code, d.RegionCode AS Region, d.OrganisationId, {Positions("d")}, CAST(d.Headcount AS BIGINT) AS Headcount
                      FROM Demands d WHERE {Open("d")}) x
                GROUP BY Code, Region, OrganisationId, FromPosition, ToPosition
                """, bounds, r => flows.Add(new DemandFlow(r.GetString(0), r.GetString(1), r.GetGuid(2),
                    first.Index + r.GetInt32(3), first.Index + r.GetInt32(4), r.GetInt32(5), r.GetInt64(6))), ct);
        // SQLite: CROSS JOIN keeps the demands as the outer loop (one scan) instead of a lookup per skill row.
        var skillFlows = new List<SkillDemandFlow>();
        await ReadAsync(db, $"""
                SELECT Code, OrganisationId, FromPosition, ToPosition, SUM(Headcount) AS Headcount
                FROM (SELECT s.SkillCode AS Code, d.OrganisationId, {Positions("d")}, CAST(d.Headcount AS BIGINT) AS Headcount
                      FROM Demands d {(sqlite ? "CROSS" : "INNER")} JOIN DemandSkills s ON s.DemandId = d.Id WHERE {Open("d")}) x
                GROUP BY Code, OrganisationId, FromPosition, ToPosition
                """, bounds, r => skillFlows.Add(new SkillDemandFlow(r.GetString(0), r.GetGuid(1),
                    first.Index + r.GetInt32(2), first.Index + r.GetInt32(3), r.GetInt64(4))), ct);

        // A cohort of year Y enters the market from Y's third quarter over the next four quarters.
        var minYear = first.Year - 1;
        var maxYear = quarter.Year;
        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new { p.Id, p.OrganisationId, p.MajorCode, p.CampusRegionCode })
            .ToListAsync(ct);
        var cohorts = (await CohortRows(db, minYear, maxYear).ToListAsync(ct))
            .ToLookup(c => c.ProgrammeId, c => new CohortGraduates(c.Year, c.Graduates));
        var skills = (await TaughtSkillRows(db).ToListAsync(ct)).ToLookup(s => s.ProgrammeId, s => s.SkillCode);
        var supply = programmes
            .Where(p => cohorts.Contains(p.Id))
            .Select(p => new ProgrammeSupply(p.OrganisationId, p.MajorCode, p.CampusRegionCode, cohorts[p.Id].ToList(), skills[p.Id].ToList()))
            .ToList();

        return new BarometerInput(flows, skillFlows, supply, await LoadReferenceAsync(db, ct));
    }

    /// <summary>Graduates per programme and year (actual when reported, else expected).</summary>
    public static IQueryable<CohortRow> CohortRows(IAppDbContext db, int minYear, int maxYear) =>
        db.Programmes.AsNoTracking()
            .SelectMany(p => p.Cohorts, (p, c) => new { p.Id, c.Year, c.Actual, c.Expected })
            .Where(c => c.Year >= minYear && c.Year <= maxYear)
            .Select(c => new CohortRow(c.Id, c.Year, c.Actual ?? c.Expected));

    /// <summary>Each distinct skill a programme's modules teach.</summary>
    public static IQueryable<TaughtSkillRow> TaughtSkillRows(IAppDbContext db) =>
        db.Programmes.AsNoTracking()
            .SelectMany(p => p.Modules, (p, m) => new { p.Id, m.Skills })
            .SelectMany(m => m.Skills, (m, s) => new { m.Id, s.SkillCode })
            .Distinct()
            .Select(s => new TaughtSkillRow(s.Id, s.SkillCode));

    public sealed record CohortRow(Guid ProgrammeId, int Year, int Graduates);

    public sealed record TaughtSkillRow(Guid ProgrammeId, string SkillCode);

    /// <summary>
    /// FromPosition: the window quarter OpenedAt falls in; ToPosition: the last window quarter whose first instant is
    /// before ClosedAt (a demand closed exactly at a quarter's start was not open in it). Parameters @p0–@p10 are the
    /// first instants of window quarters 1–11, @p11 the window's start and @p12 its end.
    /// </summary>
    private static string Positions(string d)
    {
        var last = BarometerCalculator.HistoryQuarters - 1;
        var from = string.Concat(Enumerable.Range(0, last).Select(i => $" WHEN {d}.OpenedAt < @p{i} THEN {i}"));
        var to = string.Concat(Enumerable.Range(0, last).Select(i => $" WHEN {d}.ClosedAt <= @p{i} THEN {i}"));
        return $"CASE{from} ELSE {last} END AS FromPosition, CASE WHEN {d}.ClosedAt IS NULL THEN {last}{to} ELSE {last} END AS ToPosition";
    }

    private static string Open(string d) =>
        $"{d}.Status <> {(int)DemandStatus.Draft} AND {d}.OpenedAt IS NOT NULL AND {d}.OpenedAt < @p12 AND ({d}.ClosedAt IS NULL OR {d}.ClosedAt > @p11)";

    /// <summary>Runs SQL built from constants only (every value is a parameter @p0, @p1, …) and hands each row to <paramref name="row"/>.</summary>
    private static async Task ReadAsync(IAppDbContext db, string sql, DateTime[] parameters, Action<DbDataReader> row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
