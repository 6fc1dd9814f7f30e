using ChainLink.Api.Infrastructure;
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
}
