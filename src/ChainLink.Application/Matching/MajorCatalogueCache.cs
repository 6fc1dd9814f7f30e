namespace ChainLink.Application.Matching;

/// <summary>
/// The majors of the catalogue with the skills linked to each and where each link comes from, loaded once: these
/// reference tables are written by the seed at start only (the taxonomy cache holds its tables the same way), so every
/// major match after the first ranks from memory.
/// </summary>
internal sealed class MajorCatalogueCache
{
    public sealed record Major(string Code, string Name, string Level);

    /// <param name="Sources">Per major, per linked skill, where the link comes from.</param>
    public sealed record Catalogue(IReadOnlyList<Major> Majors, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Sources);

    private Task<Catalogue>? _loading;

    public async Task<Catalogue> GetAsync(Func<Task<Catalogue>> load)
    {
        var task = Volatile.Read(ref _loading);
        if (task is null)
        {
            var fresh = load();
            task = Interlocked.CompareExchange(ref _loading, fresh, null) ?? fresh;
        }
        try
        {
            return await task;
        }
        catch
        {
            // A failed load is not remembered: the next request tries again.
            _ = Interlocked.CompareExchange(ref _loading, null, task);
            throw;
        }
    }
}
