using System.Collections.Concurrent;

namespace ChainLink.Application.Matching;

/// <summary>
/// Good-match counts per demand or programme, each with the profile store's version it was computed at: a count is
/// reused until the store changes (any demand or programme written), so an owner's list pages ranking nothing twice.
/// </summary>
internal sealed class GoodMatchCache
{
    private readonly ConcurrentDictionary<Guid, (long Version, int Count)> _counts = new();

    public int? Get(Guid id, long version) =>
        _counts.TryGetValue(id, out var entry) && entry.Version == version ? entry.Count : null;

    public void Set(Guid id, long version, int count)
    {
        // Entries of older versions are dead weight: drop them when the store has moved on.
        if (_counts.Values.Any(e => e.Version < version))
            foreach (var (key, entry) in _counts)
                if (entry.Version < version) _counts.TryRemove(key, out _);
        _counts[id] = (version, count);
    }
}
