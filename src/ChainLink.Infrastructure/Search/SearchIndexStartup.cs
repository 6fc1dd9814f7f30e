using System.Diagnostics;
using ChainLink.Application.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainLink.Infrastructure.Search;

/// <summary>At start, after the database is ready: rebuild the search index from it.</summary>
public static class SearchIndexStartup
{
    public static async Task RebuildAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
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
