using ChainLink.Api.Infrastructure;
using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>What a reindex rebuilt.</summary>
public sealed record ReindexResult(int Programmes, int Demands);

internal static class SearchAdminEndpoints
{
    public static IEndpointRouteBuilder MapSearchAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/admin/search").WithTags("Search administration").RequireAuthorization(Policies.AdministerSearch);

        search.MapPost("/reindex", async Task<Ok<ReindexResult>> (SearchIndexRebuilder rebuilder, CancellationToken ct) =>
            {
                var (programmes, demands) = await rebuilder.RebuildAsync(ct);
                return TypedResults.Ok(new ReindexResult(programmes, demands));
            })
            .WithName("ReindexSearch")
            .WithSummary("Rebuilds the search index from the database (Admin only); 503 when the index is unreachable");
        return app;
    }

    /// <summary>
    /// The <c>--reindex</c> command-line switch: rebuild, report, exit (after migrations, like <c>--seed-only</c>).
    /// An unreachable index is reported in one line and a non-zero exit code, so a deployment script can retry.
    /// </summary>
    public static async Task<bool> ReindexAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        try
        {
            var (programmes, demands) = await scope.ServiceProvider.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(ct);
            log.LogInformation("Search index rebuilt: {Programmes} programmes, {Demands} demands.", programmes, demands);
            return true;
        }
        catch (SearchUnavailableException e)
        {
            log.LogError("Reindex failed: {Reason}", e.Message);
            return false;
        }
    }
}
