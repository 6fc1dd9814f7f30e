using ChainLink.Api.Infrastructure;
using ChainLink.Application.Matching;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/demands/{id:guid}/matches", async Task<Ok<MatchList<ProgrammeMatch>>> (Guid id, int? top, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetDemandMatches(id, top ?? MatchLimits.DefaultTop), ct)))
            .RequireAuthorization(Policies.SignedIn).RequireRateLimiting(RateLimits.Expensive).WithTags("Matching")
            .WithName("GetDemandMatches").WithSummary("Programmes ranked for a demand, each with its explanation (drafts: their owner only)");
        app.MapGet("/api/programmes/{id:guid}/matches", async Task<Ok<MatchList<DemandMatch>>> (Guid id, int? top, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetProgrammeMatches(id, top ?? MatchLimits.DefaultTop), ct)))
            .RequireAuthorization(Policies.SignedIn).RequireRateLimiting(RateLimits.Expensive).WithTags("Matching")
            .WithName("GetProgrammeMatches").WithSummary("Open demands ranked for a programme, each with its explanation");

        var match = app.MapGroup("/api/match").WithTags("Matching").RequireAuthorization(Policies.SignedIn).RequireRateLimiting(RateLimits.Expensive);
        match.MapPost("/", async Task<Ok<MatchList<ProgrammeMatch>>> (MatchProgrammes query, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(query, ct)))
            .WithName("MatchProgrammes").WithSummary("Programmes for free text and/or skill codes, with explanations; nothing is saved");
        match.MapPost("/majors", async Task<Ok<MatchList<MajorMatch>>> (MatchMajors query, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(query, ct)))
            .WithName("MatchMajors").WithSummary("Majors of the national catalogue ranked for free text and/or skill codes, with the skills behind each");
        return app;
    }
}
