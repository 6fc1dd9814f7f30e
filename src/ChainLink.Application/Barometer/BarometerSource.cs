using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Barometer;

/// <summary>
/// Reads what one edition needs: the demands open in the window grouped by occupation, region, organisation and the
/// span of quarters they were open (and by skill), and the programmes' graduates and taught skills.
/// </summary>
public static class BarometerSource
{
    public static async Task<BarometerInput> LoadAsync(IAppDbContext db, Quarter quarter, CancellationToken ct)
    {
        var first = quarter.AddQuarters(1 - BarometerCalculator.HistoryQuarters);
        var windowStart = first.Start.UtcDateTime;
        var windowEnd = quarter.AddQuarters(1).Start.UtcDateTime;

        // Positions in the window are computed in SQL from the quarters' first instants (no date parsing here), but
        // the grouping is done in memory: one plain scan of the demands and one of their skills, read with a data
        // reader, cost less than the database sorting a million rows by organisation and joining three million skill
        // rows (docs/barometer-methodology.md §10).
        var bounds = Enumerable.Range(1, BarometerCalculator.HistoryQuarters - 1).Select(i => first.AddQuarters(i).Start.UtcDateTime)
            .Append(windowStart).Append(windowEnd).ToArray();
        // The two scans run on connections of their own, beside each other and beside the programme and reference
        // reads on the context's connection: the machine has cores to spare and SQLite (WAL) lets readers run together.
        var connectionString = db.Database.GetConnectionString();
        var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection())
            ?? throw new InvalidOperationException("The database connection names no provider factory.");
        var demands = new OpenDemands();
        var demandScan = Task.Run(() => ReadAsync(factory, connectionString, $"""
                SELECT d.Id, d.OccupationCode, d.RegionCode, d.OrganisationId, {Positions("d")}, d.Headcount
                FROM Demands d WHERE {Open("d")}
                """, bounds, r => demands.Add(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetGuid(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)), ct), ct);
        var skillScan = Task.Run(async () =>
        {
            // Buffered until the demands are all known (a skill row needs its demand's organisation and span).
            var rows = new DemandSkillRows();
            await ReadAsync(factory, connectionString, "SELECT s.DemandId, s.SkillCode FROM DemandSkills s", [], r => rows.Add(r.GetGuid(0), r.GetString(1)), ct);
            await demandScan;
            rows.AddTo(demands);
        }, ct);

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

        var reference = await LoadReferenceAsync(db, ct);
        await Task.WhenAll(demandScan, skillScan);
        var (flows, skillFlows) = demands.Flows(first.Index);
        return new BarometerInput(flows, skillFlows, supply, reference);
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
        return $"{FirstBound($"{d}.OpenedAt <", 0, last)} AS FromPosition, "
            + $"CASE WHEN {d}.ClosedAt IS NULL THEN {last} ELSE {FirstBound($"{d}.ClosedAt <=", 0, last)} END AS ToPosition";
    }

    /// <summary>
    /// The first i in [low, high) for which "<paramref name="test"/> @pi" holds, else high: a binary search over the
    /// increasing bounds as nested CASEs, so about 4 comparisons per row instead of up to 11.
    /// </summary>
    private static string FirstBound(string test, int low, int high)
    {
        if (low == high) return $"{high}";
        var middle = (low + high) / 2;
        return $"CASE WHEN {test} @p{middle} THEN {FirstBound(test, low, middle)} ELSE {FirstBound(test, middle + 1, high)} END";
    }

    private static string Open(string d) =>
        $"{d}.Status <> {(int)DemandStatus.Draft} AND {d}.OpenedAt IS NOT NULL AND {d}.OpenedAt < @p12 AND ({d}.ClosedAt IS NULL OR {d}.ClosedAt > @p11)";

    /// <summary>Runs SQL built from constants only (every value is a parameter @p0, @p1, …) and hands each row to <paramref name="row"/>.</summary>
    private static async Task ReadAsync(DbProviderFactory factory, string? connectionString, string sql, DateTime[] parameters, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var connection = factory.CreateConnection()
            ?? throw new InvalidOperationException("The database provider creates no connection.");
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
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
