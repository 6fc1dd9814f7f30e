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
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<SearchOptions>>().Value.Provider != SearchProvider.Lucene) return;
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChainLink.Startup");
        var clock = Stopwatch.StartNew();
        try
        {
            var (programmes, demands) = await scope.ServiceProvider.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(ct);
            log.LogInformation("Search index rebuilt in {Elapsed} ms: {Programmes} programmes, {Demands} demands.", clock.ElapsedMilliseconds, programmes, demands);
        }
        catch (SearchUnavailableException e)
        {
            // The API still serves everything but matching, which answers 503 until the index is back.
            log.LogError(e, "Search index could not be rebuilt; matching answers 503 until it is.");
        }
    }
}
