using ChainLink.Application.Matching;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChainLink.Infrastructure.Outbox;

/// <summary>Finds the demands and programmes a SaveChanges is about to change, walking owned entries up to their owner.</summary>
internal static class OutboxChanges
{
    /// <summary>A changed demand or programme; <see cref="Root"/> is its entry (also when only an owned row changed).</summary>
    public sealed record Change(SearchDocumentKind Kind, Guid Id, long Version, EntityEntry Root);

    public static IReadOnlyCollection<Change> Find(ChangeTracker tracker)
    {
        var entries = tracker.Entries().ToList();
        var found = new Dictionary<(SearchDocumentKind, Guid), Change>();
        Dictionary<(IEntityType, string), EntityEntry>? byKey = null;
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var root = entry;
            while (root.Metadata.FindOwnership() is { } ownership)
            {
                // Owned rows have no navigation to their owner; their foreign key names the owner's key.
                byKey ??= IndexByKey(entries);
                if (!byKey.TryGetValue((ownership.PrincipalEntityType, KeyOf(root, ownership.Properties)), out var owner)) break;
                root = owner;
            }
            var change = root.Entity switch
            {
                Demand d => new Change(SearchDocumentKind.Demand, d.Id, VersionOf(root, d.Version), root),
                Programme p => new Change(SearchDocumentKind.Programme, p.Id, VersionOf(root, p.Version), root),
                _ => null,
            };
            if (change is not null) found.TryAdd((change.Kind, change.Id), change);
        }
        return found.Values;
    }

    private static Dictionary<(IEntityType, string), EntityEntry> IndexByKey(List<EntityEntry> entries)
    {
        var byKey = new Dictionary<(IEntityType, string), EntityEntry>();
        foreach (var e in entries) byKey.TryAdd((e.Metadata, KeyOf(e, e.Metadata.FindPrimaryKey()!.Properties)), e);
        return byKey;
    }

    /// <summary>A removal must outrank the last indexed version, so it carries the next one.</summary>
    private static long VersionOf(EntityEntry entry, int version) => entry.State == EntityState.Deleted ? version + 1L : version;

    private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
        string.Join('|', properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
}
