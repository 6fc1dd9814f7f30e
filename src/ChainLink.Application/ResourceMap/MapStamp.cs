using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.ResourceMap;

/// <summary>
/// What the map is drawn from, reduced to a few numbers that change whenever it does: rows are never deleted, a new row
/// raises a count, an edit raises its row's version (a training base's usage and a programme's cohorts are edits of their
/// owner), and an organisation only ever leaves "pending" once. Read from the database on every request, so a change
/// made through another API instance is seen at once.
/// </summary>
internal sealed record MapStamp(
    int Organisations, int Approved, int Rejected, VersionSum Programmes, VersionSum TrainingBases, VersionSum Mentors, VersionSum Platforms)
{
    public static async Task<MapStamp> ReadAsync(IAppDbContext db, CancellationToken ct)
    {
        var statuses = await db.Organisations.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int CountOf(OrganisationStatus status) => statuses.Where(s => s.Key == status).Sum(s => s.Count);
        return new MapStamp(statuses.Sum(s => s.Count), CountOf(OrganisationStatus.Approved), CountOf(OrganisationStatus.Rejected),
            await SumAsync(db.Programmes.Select(p => p.Version), ct), await SumAsync(db.TrainingBases.Select(t => t.Version), ct),
            await SumAsync(db.Mentors.Select(m => m.Version), ct), await SumAsync(db.RdPlatforms.Select(p => p.Version), ct));
    }

    private static async Task<VersionSum> SumAsync(IQueryable<int> versions, CancellationToken ct) =>
        await versions.GroupBy(_ => 1).Select(g => new VersionSum(g.Count(), g.Sum(v => (long)v))).SingleOrDefaultAsync(ct) ?? new VersionSum(0, 0);
}
