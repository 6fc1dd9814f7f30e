using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>
/// Fills the name key of organisations stored before names were compared normalised (the migration cannot compute NFKC
/// in SQL). Once filled, every new organisation carries its key, so at start this finds nothing and costs one query.
/// </summary>
public static class OrganisationNameKeyBackfill
{
    /// <summary>The number of keys written.</summary>
    public static async Task<int> RunAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        var missing = await db.Organisations.Where(o => o.NameKey == null).OrderBy(o => o.Id).ToListAsync(ct);
        if (missing.Count == 0) return 0;
        var taken = (await db.Organisations.Where(o => o.NameKey != null).Select(o => o.NameKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var written = 0;
        foreach (var organisation in missing)
        {
            organisation.RefreshNameKey();
            if (taken.Add(organisation.NameKey!))
            {
                written++;
                continue;
            }
            // Two names stored earlier are one name now: the later keeps no key (the unique index allows that) until an
            // administrator renames one; start-up must not fail over it.
            log.LogWarning("Organisation {Id} '{Name}' has the same normalised name as an earlier one; rename one of them.", organisation.Id, organisation.Name);
            db.Entry(organisation).Property(o => o.NameKey).CurrentValue = null;
        }
        await db.SaveChangesAsync(ct);
        return written;
    }
}
