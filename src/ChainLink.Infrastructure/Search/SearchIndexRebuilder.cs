using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Search;

/// <summary>
/// Rebuilds the search index from the database: clears it, then applies every programme and demand as it is now, and
/// marks the outbox rows that the rebuild covered as processed, so the dispatcher does not apply them a second time.
/// </summary>
public sealed class SearchIndexRebuilder(AppDbContext db, ISearchIndex index, TimeProvider clock)
{
    private const int MarkBatch = 1000;

    public async Task<(int Programmes, int Demands)> RebuildAsync(CancellationToken cancellationToken)
    {
        await index.EnsureCreatedAsync(cancellationToken);
        await index.ClearAsync(cancellationToken);
        // Rows already committed now describe changes the reads below include; a row committed later is not in this list
        // and stays for the dispatcher. (A list, not an id bound: identity values are not committed in order.)
        var covered = await db.OutboxMessages.Where(m => m.ProcessedAt == null).Select(m => m.Id).ToListAsync(cancellationToken);
        // Read after clearing: a change the outbox applied before the clear is in what is read now, and one committed
        // after the read has an outbox row of its own, so the rebuild cannot leave an older state behind.
        var programmes = await SearchDocuments.ProgrammesAsync(db, null, cancellationToken);
        var demands = await SearchDocuments.DemandsAsync(db, null, cancellationToken);
        await index.ApplyAsync(programmes.Concat(demands).Select(d => new SearchDocumentChange(d.Kind, d.Id, d.Version, d)).ToList(), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ids in covered.Chunk(MarkBatch))
            await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        return (programmes.Count, demands.Count);
    }
}
