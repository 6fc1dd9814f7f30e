using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Programmes;
using ChainLink.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/programmes").WithTags("Programmes").RequireAuthorization(Policies.SignedIn);

        programmes.MapGet("/", async Task<Ok<Page<ProgrammeDto>>> (string? q, string? major, string? region, EducationLevel? level,
                Guid? organisation, bool? mine, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListProgrammes(q, major, region, level, organisation, mine ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListProgrammes").WithSummary("Programmes colleges offer, by region, major and level");
        programmes.MapGet("/{id:guid}", async Task<Ok<ProgrammeDto>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetProgramme(id), ct)))
            .WithName("GetProgramme").WithSummary("One programme with modules, enrolment plans and graduate cohorts");
        programmes.MapPost("/", async Task<Created<ProgrammeDto>> (CreateProgramme command, IMediator m, CancellationToken ct) =>
            {
                var programme = await m.Send(command, ct);
                return TypedResults.Created($"/api/programmes/{programme.Id}", programme);
            })
            .RequireAuthorization(Policies.WriteProgrammes).WithName("CreateProgramme").WithSummary("Publish a programme (College)");
        programmes.MapPut("/{id:guid}", async Task<Ok<ProgrammeDto>> (Guid id, EditProgramme command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(command with { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteProgrammes).WithName("EditProgramme").WithSummary("Edit a programme; send the version you read (409 if it changed)");
        return app;
    }
}
