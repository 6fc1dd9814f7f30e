using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Outbox;

/// <summary>Rows one dispatcher claimed under <see cref="Claim"/>, until <see cref="LeaseUntil"/>.</summary>
public sealed record OutboxBatch(string Claim, DateTime LeaseUntil, IReadOnlyList<OutboxMessage> Messages);

/// <summary>
/// Carries outbox rows to the search index: claim a batch under a lease, load the entities' current state, apply it,
/// mark the rows processed. Delivery is at least once — a dispatcher that dies after claiming leaves its rows to whoever
/// claims them after the lease — and applying is idempotent because the index keeps the highest version it was given.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, ISearchIndex index, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> log)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Names this instance in <see cref="OutboxMessage.LeaseOwner"/>; each claim adds a unique suffix.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One cycle: claims a batch and applies it. Returns how many rows were claimed (0 when nothing was due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await ClaimAsync(cancellationToken);
        if (batch is null) return 0;
        await ApplyAsync(batch, cancellationToken);
        return batch.Messages.Count;
    }

    /// <summary>
    /// Claims up to a batch of due, unleased rows. The UPDATE repeats the "unleased" test and each row's update is atomic
    /// (SQLite serialises writers; SQL Server re-evaluates the predicate under the row's update lock), so when two
    /// dispatchers race for the same rows each row goes to exactly one of them.
    /// </summary>
    public async Task<OutboxBatch?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await Due(db.OutboxMessages, now).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return null;

        var claim = $"{Name}/{Guid.NewGuid():N}";
        var until = now + options.Value.LeaseDuration;
        var won = await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.ProcessedAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntil, until), cancellationToken);
        if (won == 0) return null;
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.LeaseOwner == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new OutboxBatch(claim, until, messages);
    }

    /// <summary>Unprocessed rows whose back-off has passed and that nobody holds a live lease on, oldest first.</summary>
    public static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) => messages
        .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.LeaseUntil == null || m.LeaseUntil < now))
        .OrderBy(m => m.Id);

    /// <summary>Applies a claimed batch; on failure records the error and backs the rows off instead of throwing.</summary>
    public async Task<bool> ApplyAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = batch.Messages.Select(m => m.Id).ToList();
        try
        {
            await index.ApplyAsync(await ChangesAsync(db, batch.Messages, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogApplyFailed(log, e, batch.Messages.Count);
            await BackOffAsync(db, batch, e, cancellationToken);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Only rows still under this claim: if the lease ran out meanwhile, the dispatcher that took over marks them.
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == batch.Claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        return true;
    }

    /// <summary>Deletes rows processed longer ago than the retention period.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        return await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The back-off before attempt <paramref name="attempts"/> + 1: doubles from the initial delay, capped.</summary>
    public static TimeSpan Backoff(int attempts, OutboxOptions options)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        var delay = options.InitialBackoff * factor;
        return delay < options.MaxBackoff ? delay : options.MaxBackoff;
    }

    /// <summary>Several rows of one entity collapse into one change carrying its current state (or its removal).</summary>
    private static async Task<IReadOnlyList<SearchDocumentChange>> ChangesAsync(AppDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var changes = new List<SearchDocumentChange>();
        foreach (var kind in messages.GroupBy(m => m.Kind))
        {
            var ids = kind.Select(m => m.EntityId).Distinct().ToList();
            var documents = kind.Key == SearchDocumentKind.Programme
                ? await SearchDocuments.ProgrammesAsync(db, ids, cancellationToken)
                : await SearchDocuments.DemandsAsync(db, ids, cancellationToken);
            var current = documents.ToDictionary(d => d.Id);
            foreach (var id in ids)
                changes.Add(current.TryGetValue(id, out var document)
                    ? new SearchDocumentChange(kind.Key, id, document.Version, document)
                    : new SearchDocumentChange(kind.Key, id, kind.Where(m => m.EntityId == id).Max(m => m.EntityVersion), null));
        }
        return changes;
    }

    private async Task BackOffAsync(AppDbContext db, OutboxBatch batch, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = $"{error.GetType().Name}: {error.Message}";
        if (message.Length > MaxErrorLength) message = message[..MaxErrorLength];
        // Rows of one batch fail together; those with the same attempt count share one next attempt time.
        foreach (var group in batch.Messages.GroupBy(m => m.Attempts))
        {
            var ids = group.Select(m => m.Id).ToList();
            var next = now + Backoff(group.Key + 1, options.Value);
            await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == batch.Claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, message).SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null),
                    cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {Count} outbox rows to the search index failed; they will be retried.")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, int count);
}
