using System.Diagnostics;
using ChainLink.Application.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Search;

/// <summary>
/// At start, after the database is ready, the embedded Lucene index is rebuilt from it: that index belongs to this one
/// process and its data folder, so a rebuild also repairs an index lost or left behind by an older build; the outbox
/// keeps it in step from then on. A shared Elasticsearch index is never rebuilt at start (another instance may be serving
/// from it): the outbox keeps it in step, and reindex rebuilds it on demand.
/// </summary>
public static class SearchIndexStartup
{
    public static async Task RebuildEmbeddedIndexAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<IOptions<SearchOptions>>().Value.Provider != SearchProvider.Lucene) return;
        // The API still serves everything but matching, which answers 503 until the index is back.
        await RebuildAsync(services, ct);
    }

    /// <summary>
    /// Rebuilds the index from the database and logs what it did; an unreachable index is logged in one line and
    /// answered with false (the <c>--reindex</c> switch turns that into a non-zero exit code a deployment can retry on).
    /// </summary>
    public static async Task<bool> RebuildAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChainLink.Search");
        var clock = Stopwatch.StartNew();
        try
        {
            var (programmes, demands) = await scope.ServiceProvider.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(ct);
            log.LogInformation("Search index rebuilt in {Elapsed} ms: {Programmes} programmes, {Demands} demands.", clock.ElapsedMilliseconds, programmes, demands);
            return true;
        }
        catch (SearchUnavailableException e)
        {
            log.LogError("Search index could not be rebuilt; matching answers 503 until it is: {Reason}", e.Message);
            return false;
        }
    }
}
