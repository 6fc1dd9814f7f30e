using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Barometer;

/// <summary>
/// Reads the facts (<see cref="DemandFact"/>) of the demands open in quarters <c>firstQuarter..lastQuarter</c> (quarter
/// indexes), with the database's fastest reader, on connections of its own: it sends no query through the caller's
/// context, so the caller may query the context while the facts are read. Facts of <paramref name="leftOut"/>
/// organisations (those whose records are not public, a handful) are skipped.
/// </summary>
public interface IDemandFactReader
{
    Task<DemandRows> ReadAsync(int firstQuarter, int lastQuarter, IReadOnlySet<Guid> leftOut, CancellationToken ct);
}

/// <summary>
/// Reads what one edition needs: the facts of the demands open in the window (one narrow row per demand, kept in step
/// with the demands on every save), and the programmes' graduates and taught skills — of public organisations only
/// (<see cref="Visibility"/>): a pending organisation's demands and programmes count once it is approved.
/// </summary>
public static class BarometerSource
{
    public static async Task<BarometerInput> LoadAsync(IAppDbContext db, IDemandFactReader facts, Quarter quarter, CancellationToken ct)
    {
        var first = quarter.AddQuarters(1 - BarometerCalculator.HistoryQuarters);
        var leftOut = (await db.Organisations.AsNoTracking().NotPublic().Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        // The facts are read on other threads, beside the programme and reference reads on the context's connection.
        var demands = facts.ReadAsync(first.Index, quarter.Index, leftOut, ct);

        // A cohort of year Y enters the market from Y's third quarter over the next four quarters.
        var minYear = first.Year - 1;
        var maxYear = quarter.Year;
        var programmes = await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, null)
            .Select(p => new { p.Id, p.OrganisationId, p.MajorCode, p.CampusRegionCode })
            .ToListAsync(ct);
        var cohorts = (await CohortRows(db, minYear, maxYear).ToListAsync(ct))
            .ToLookup(c => c.ProgrammeId, c => new CohortGraduates(c.Year, c.Graduates));
        var skills = (await TaughtSkillRows(db).ToListAsync(ct)).ToLookup(s => s.ProgrammeId, s => s.SkillCode);
        var supply = programmes
            .Where(p => cohorts.Contains(p.Id))
            .Select(p => new ProgrammeSupply(p.OrganisationId, p.MajorCode, p.CampusRegionCode, cohorts[p.Id].ToList(), skills[p.Id].Distinct(StringComparer.Ordinal).ToList()))
            .ToList();

        var reference = await LoadReferenceAsync(db, ct);
        return new BarometerInput(await demands, supply, reference);
    }

    /// <summary>Graduates per programme and year (actual when reported, else expected).</summary>
    public static IQueryable<CohortRow> CohortRows(IAppDbContext db, int minYear, int maxYear) =>
        db.Programmes.AsNoTracking()
            .SelectMany(p => p.Cohorts, (p, c) => new { p.Id, c.Year, c.Actual, c.Expected })
            .Where(c => c.Year >= minYear && c.Year <= maxYear)
            .Select(c => new CohortRow(c.Id, c.Year, c.Actual ?? c.Expected));

    /// <summary>
    /// Each skill a programme's modules teach, once per module that teaches it (duplicates are dropped in memory, which
    /// costs less than a DISTINCT in the database).
    /// </summary>
    public static IQueryable<TaughtSkillRow> TaughtSkillRows(IAppDbContext db) =>
        db.Programmes.AsNoTracking()
            .SelectMany(p => p.Modules, (p, m) => new { p.Id, m.Skills })
            .SelectMany(m => m.Skills, (m, s) => new TaughtSkillRow(m.Id, s.SkillCode));

    public sealed record CohortRow(Guid ProgrammeId, int Year, int Graduates);

    public sealed record TaughtSkillRow(Guid ProgrammeId, string SkillCode);

    private static async Task<BarometerReference> LoadReferenceAsync(IAppDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(ct);
        return new BarometerReference(
            await db.Occupations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct),
            await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.NameZh, StringComparer.Ordinal, ct),
            await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.NameZh, StringComparer.Ordinal, ct),
            regions.ToDictionary(r => r.Code, r => (r.Name, r.ParentCode), StringComparer.Ordinal),
            // Graduates are divided among the occupations their major is trusted to lead to, not every broad guideline link.
            (await db.MajorOccupations.AsNoTracking().Where(l => l.Weight >= MajorOccupation.TrustedWeight).ToListAsync(ct)).ToLookup(l => l.MajorCode, l => l.OccupationCode, StringComparer.Ordinal),
            (await db.ClusterOccupations.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.OccupationCode, l => l.ClusterCode, StringComparer.Ordinal),
            (await db.ClusterMajors.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.MajorCode, l => l.ClusterCode, StringComparer.Ordinal),
            (await db.ClusterRegions.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.ClusterCode, l => l.RegionCode, StringComparer.Ordinal));
    }
}
