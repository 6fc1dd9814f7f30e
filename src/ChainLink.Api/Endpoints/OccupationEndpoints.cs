using ChainLink.Api.Infrastructure;
using ChainLink.Application.Occupations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class OccupationEndpoints
{
    public static IEndpointRouteBuilder MapOccupationEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in and rate-limited like skill extraction: the text runs through the extractor.
        var occupations = app.MapGroup("/api/occupations").WithTags("Occupations").RequireAuthorization(Policies.SignedIn).RequireRateLimiting(RateLimits.Expensive);

        occupations.MapPost("/suggest", SuggestAsync)
            .WithName("SuggestOccupations")
            .WithSummary("Occupations (细类) for a posting's text and/or skill codes, best first, with reasons and shared skills")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Ok<OccupationSuggestions>> SuggestAsync(SuggestOccupations query, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(query, ct));
}
