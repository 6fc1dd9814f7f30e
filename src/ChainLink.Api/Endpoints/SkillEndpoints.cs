using ChainLink.Api.Infrastructure;
using ChainLink.Application.Skills;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class SkillEndpoints
{
    public static IEndpointRouteBuilder MapSkillEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in only and rate-limited: a call may carry 20,000 characters, and the unknown terms are curator material.
        var skills = app.MapGroup("/api/skills").WithTags("Skills").RequireAuthorization(Policies.SignedIn).RequireRateLimiting(RateLimits.Expensive);

        skills.MapPost("/extract", async Task<Ok<SkillExtraction>> (ExtractSkills query, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(query, ct)))
            .WithName("ExtractSkills")
            .WithSummary($"Taxonomy skills named in free demand text (Chinese or English, at most {SkillExtractionLimits.MaxTextLength} characters), with spans, and unknown skill-like terms");
        return app;
    }
}
