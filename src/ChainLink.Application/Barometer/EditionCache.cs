using System.Collections.Concurrent;

namespace ChainLink.Application.Barometer;

/// <summary>
/// Published editions held in memory by their id. A published edition never changes, so an entry never goes stale; a
/// new revision is a new id, which every read finds in the database first, so an edition published through another
/// API instance is served at once. Only a few editions are read at a time; past <see cref="Capacity"/> the cache
/// starts again rather than grow with every quarter ever opened.
/// </summary>
public sealed class EditionCache
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<Guid, Lazy<Task<CachedEdition>>> editions = new();

    public async Task<CachedEdition> GetAsync(Guid id, Func<Task<CachedEdition>> load)
    {
        if (editions.Count >= Capacity && !editions.ContainsKey(id)) editions.Clear();
        var entry = editions.GetOrAdd(id, _ => new Lazy<Task<CachedEdition>>(load));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed read is not remembered: the next request tries again.
            editions.TryRemove(KeyValuePair.Create(id, entry));
            throw;
        }
    }
}
