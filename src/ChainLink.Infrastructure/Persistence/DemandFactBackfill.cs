using ChainLink.Domain.Barometer;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>
/// Writes the barometer fact of every counted demand that has none: the demands stored before the facts existed (the
/// migration that adds them creates an empty table) or written around <see cref="AppDbContext"/>. Saving a demand
/// keeps its fact in step from then on, so at start this finds nothing to do and costs one query.
/// </summary>
public static class DemandFactBackfill
{
    private const int BatchSize = 2_000;

    /// <summary>The number of facts written.</summary>
    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct)
    {
        var written = 0;
        var after = (Guid?)null;
        while (true)
        {
            var batch = await Missing(db, after).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return written;
            db.DemandFacts.AddRange(batch.Select(d => DemandFact.Of(d)!));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += batch.Count;
            after = batch[^1].Id;
        }
    }

    /// <summary>Counted demands without a fact, in key order, after <paramref name="after"/> when given.</summary>
    internal static IQueryable<Demand> Missing(AppDbContext db, Guid? after)
    {
        var missing = db.Demands.AsNoTracking()
            .Where(d => d.Status != DemandStatus.Draft && d.OpenedAt != null && !db.DemandFacts.Any(f => f.DemandId == d.Id));
        if (after is { } last) missing = missing.Where(d => d.Id > last);
        return missing.OrderBy(d => d.Id);
    }
}
