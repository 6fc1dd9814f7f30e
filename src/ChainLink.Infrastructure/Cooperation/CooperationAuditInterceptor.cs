using System.Text.Json;
using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChainLink.Infrastructure.Cooperation;

/// <summary>
/// Keeps the audit trail of cooperation: every proposal, agreement, investment and outcome added, changed or deleted
/// in a SaveChanges gets an <see cref="AuditEntry"/> (who, organisation, when, values before and after) saved in the
/// same SaveChanges, hence the same transaction — no handler can change a cooperation record without leaving a trace,
/// and none has to remember to.
/// </summary>
internal sealed class CooperationAuditInterceptor(ICurrentUser? user, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) AddEntries(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) AddEntries(context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is Proposal or Agreement or Investment or Outcome && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Entry(e, now))
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    private AuditEntry Entry(EntityEntry entry, DateTime now)
    {
        var (id, agreementId) = entry.Entity switch
        {
            Proposal p => (p.Id, p.AgreementId),
            Agreement a => (a.Id, a.Id),
            PartyReport r => (r.Id, (Guid?)r.AgreementId),
            _ => throw new InvalidOperationException("Not a cooperation record."),
        };
        return new AuditEntry
        {
            RecordType = entry.Metadata.ClrType.Name,
            RecordId = id,
            AgreementId = agreementId,
            Action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
            UserId = user?.UserId,
            OrganisationId = user?.OrganisationId,
            At = now,
            Before = entry.State == EntityState.Added ? null : Values(entry, original: true),
            After = entry.State == EntityState.Deleted ? null : Values(entry, original: false),
        };
    }

    /// <summary>The record's mapped values (for a change: every value, so that a reader sees the whole record at each step).</summary>
    private static string Values(EntityEntry entry, bool original)
    {
        var values = entry.Properties.ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, Json);
    }
}
