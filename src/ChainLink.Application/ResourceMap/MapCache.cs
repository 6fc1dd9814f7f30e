namespace ChainLink.Application.ResourceMap;

/// <summary>
/// The approved organisations' map, held in memory for the <see cref="MapStamp"/> it was loaded at. Each request reads
/// the stamp from the database, so a change through any API instance makes the next request load it again; until then
/// every layer, filter and summary is computed from the points held here. Only the latest stamp is kept.
/// </summary>
internal sealed class MapCache
{
    private Entry? current;

    public async Task<MapData> GetAsync(MapStamp stamp, Func<Task<MapData>> load)
    {
        var entry = Volatile.Read(ref current);
        if (entry is null || entry.Stamp != stamp)
        {
            var fresh = new Entry(stamp, new Lazy<Task<MapData>>(load));
            var seen = Interlocked.CompareExchange(ref current, fresh, entry);
            // Another request stored a load at the same time: share it if it is for this stamp, else load for this request alone.
            entry = seen == entry ? fresh : seen is not null && seen.Stamp == stamp ? seen : fresh;
        }
        try
        {
            return await entry.Data.Value;
        }
        catch
        {
            // A failed load is not remembered: the next request tries again.
            Interlocked.CompareExchange(ref current, null, entry);
            throw;
        }
    }

    private sealed record Entry(MapStamp Stamp, Lazy<Task<MapData>> Data);
}
