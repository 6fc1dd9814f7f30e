using System.Globalization;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Dashboard;

/// <summary>The rows of a year keyed by their cell, and the cells summed and judged; shared by the aggregates and the white paper.</summary>
internal static class GraduateOutcomeCells
{
    public sealed record Row(GraduateOutcome Outcome, string CampusRegionCode, string CellKey, string CellName, int VerifiedHires);

    public static async Task<List<Row>> ReadAsync(IAppDbContext db, int year, string by, CancellationToken ct)
    {
        var found = await db.GraduateOutcomes.AsNoTracking().Where(g => g.GraduationYear == year)
            .Join(db.Programmes, g => g.ProgrammeId, p => p.Id, (g, p) => new { g, p.MajorCode, p.CampusRegionCode })
            .ToListAsync(ct);
        var hires = await GraduateOutcomeReader.VerifiedHiresAsync(db, found.Select(x => x.g.ProgrammeId), ct);
        Dictionary<string, string> names;
        Func<string, string, string> keyOf;
        if (by == GraduateOutcomeAggregates.ByRegion)
        {
            names = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, ct);
            keyOf = (_, region) => region.Length == 6 ? region[..4] + "00" : region;
        }
        else
        {
            var divisions = await db.Majors.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.DivisionCode, ct);
            names = await db.MajorCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
            keyOf = (major, _) => divisions.GetValueOrDefault(major) ?? major[..Math.Min(2, major.Length)];
        }
        return [.. found.Select(x =>
        {
            var key = keyOf(x.MajorCode, x.CampusRegionCode);
            return new Row(x.g, x.CampusRegionCode, key, names.GetValueOrDefault(key) ?? key, hires.GetValueOrDefault((x.g.ProgrammeId, year)));
        })];
    }

    /// <param name="viewer">The college whose own cells are shown whatever the rule says; null for none.</param>
    /// <param name="everything">Government and administrators: no cell is withheld.</param>
    public static IReadOnlyList<GraduateOutcomeAggregateDto> Aggregate(IEnumerable<Row> rows, int year, DisclosureRule rule, Guid? viewer, bool everything) =>
        [.. rows.GroupBy(r => (r.CellKey, r.CellName)).OrderBy(g => g.Key.CellKey, StringComparer.Ordinal).Select(cell =>
        {
            var byCollege = cell.GroupBy(r => r.Outcome.OrganisationId).ToList();
            var verdict = rule.Judge(byCollege.Select(c => (double)c.Sum(r => r.Outcome.Graduates)));
            var own = viewer is { } v && byCollege.All(c => c.Key == v);
            if (!everything && !own && verdict != DisclosureVerdict.Disclosed)
                return new GraduateOutcomeAggregateDto(cell.Key.CellKey, cell.Key.CellName, year, null, null, null, null, null, null, null, null, null, null, null,
                    true, Reason(verdict, rule));
            var outcomes = cell.Select(r => r.Outcome).ToList();
            var graduates = outcomes.Sum(o => o.Graduates);
            var employed = outcomes.Sum(o => o.EmployedAtSixMonths);
            var inMajor = outcomes.Sum(o => o.EmployedInMajor);
            var followed = outcomes.Where(o => o.RetainedAfterYear is not null).ToList();
            int? retained = followed.Count == 0 ? null : followed.Sum(o => o.RetainedAfterYear!.Value);
            return new GraduateOutcomeAggregateDto(cell.Key.CellKey, cell.Key.CellName, year, byCollege.Count, outcomes.Count, graduates, employed, inMajor, retained,
                Rates.Share(employed, graduates), Rates.Share(inMajor, employed), retained is { } r ? Rates.Share(r, followed.Sum(o => o.EmployedAtSixMonths)) : null, WeightedMedianPay(outcomes),
                cell.Sum(r => r.VerifiedHires), false, null);
        })];

    /// <summary>The median starting pay of the employed graduates, each programme's median standing for its employed graduates.</summary>
    public static double? WeightedMedianPay(IEnumerable<GraduateOutcome> outcomes)
    {
        var paid = outcomes.Where(o => o.MedianStartingPay is not null && o.EmployedAtSixMonths > 0)
            .OrderBy(o => o.MedianStartingPay).Select(o => (Pay: (double)o.MedianStartingPay!.Value, Weight: o.EmployedAtSixMonths)).ToList();
        var total = paid.Sum(p => p.Weight);
        if (total == 0) return null;
        var seen = 0;
        foreach (var (pay, weight) in paid)
        {
            seen += weight;
            if (seen * 2 >= total) return pay;
        }
        return paid[^1].Pay;
    }

    private static string Reason(DisclosureVerdict verdict, DisclosureRule rule) => verdict == DisclosureVerdict.FewContributors
        ? string.Create(CultureInfo.InvariantCulture, $"数据来自少于 {rule.MinimumContributors} 所院校，不予公布。")
        : string.Create(CultureInfo.InvariantCulture, $"最大的 2 所院校占毕业生的 {rule.DominanceShare * 100:0.##}% 以上，不予公布。");
}
