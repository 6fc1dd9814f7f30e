using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Demands;

/// <summary>
/// Expires open demands past their needed-by quarter and the configured grace. Each demand is saved on its own, through
/// SaveChanges, so its search-index outbox row and its barometer fact change with it. Several instances may sweep the
/// same database at once: the demand's status is a concurrency token, so of two instances expiring the same demand one
/// saves and the other's save changes nothing and is dropped (the demand is already expired, or was edited meanwhile and
/// is looked at again by the next sweep).
/// </summary>
public sealed class DemandExpiry(IAppDbContext db, TimeProvider clock, IOptions<DemandOptions> options)
{
    /// <summary>Expires every demand that is due; returns how many this call expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grace = options.Value.ExpiryGraceQuarters;
        // Due when the needed-by quarter is before this one by more than the grace.
        var lastDue = Quarter.Of(clock.GetUtcNow()).AddQuarters(-grace - 1);
        var expired = 0;
        var due = await db.Demands.AsNoTracking().Where(d => d.Status == DemandStatus.Open && d.NeededBy <= lastDue).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            var demand = await db.Demands.FirstAsync(d => d.Id == id, ct);
            if (!demand.ExpireIfDue(now, grace)) continue;
            try
            {
                await db.SaveChangesAsync(ct);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.DiscardChanges();
            }
        }
        return expired;
    }
}
