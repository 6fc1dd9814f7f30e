using ChainLink.Application.Common;
using ChainLink.Application.Matching;

namespace ChainLink.Infrastructure.Search;

/// <summary>Rebuilds the search index from the database: clears it, then applies every programme and demand as it is now.</summary>
public sealed class SearchIndexRebuilder(IAppDbContext db, ISearchIndex index)
{
    public async Task<(int Programmes, int Demands)> RebuildAsync(CancellationToken cancellationToken)
    {
        await index.EnsureCreatedAsync(cancellationToken);
        await index.ClearAsync(cancellationToken);
        // Read after clearing: a change the outbox applied before the clear is in what is read now, and one committed
        // after the read has an outbox row of its own, so the rebuild cannot leave an older state behind.
        var programmes = await SearchDocuments.ProgrammesAsync(db, null, cancellationToken);
        var demands = await SearchDocuments.DemandsAsync(db, null, cancellationToken);
        await index.ApplyAsync(programmes.Concat(demands).Select(d => new SearchDocumentChange(d.Kind, d.Id, d.Version, d)).ToList(), cancellationToken);
        return (programmes.Count, demands.Count);
    }
}
