using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.ResourceMap;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class ResourceMapEndpoints
{
    public static IEndpointRouteBuilder MapResourceMapEndpoints(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/map").WithTags("Resource map").RequireAuthorization(Policies.SignedIn);
        map.MapGet("/features", async Task<Ok<MapFeatureCollection>> (string? layer, string? cluster, string? major, string? region, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMapFeatures(layer, cluster, major, region), ct)))
            .WithName("GetMapFeatures")
            .WithSummary("One layer (colleges, programmes, trainingBases, mentors, platforms) as an RFC 7946 FeatureCollection, filtered by cluster, major and region");
        map.MapGet("/summary", async Task<Ok<MapSummary>> (string? region, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMapSummary(region), ct)))
            .WithName("GetMapSummary").WithSummary("Resource counts and training-base utilisation per region and per industry cluster");

        var resources = app.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(Policies.SignedIn);

        resources.MapGet("/training-bases", async Task<Ok<Page<TrainingBaseDto>>> (Guid? organisation, bool? mine, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListTrainingBases(organisation, mine ?? false, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListTrainingBases").WithSummary("Training bases (实训基地) with capacity, quarterly use and utilisation");
        resources.MapPost("/training-bases", async Task<Created<TrainingBaseDto>> (TrainingBaseInput input, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new SaveTrainingBase(input), ct);
                return TypedResults.Created($"/api/resources/training-bases/{created.Id}", created);
            })
            .RequireAuthorization(Policies.WriteResources).WithName("CreateTrainingBase").WithSummary("Record a training base (College or Enterprise)");
        resources.MapPut("/training-bases/{id:guid}", async Task<Ok<TrainingBaseDto>> (Guid id, TrainingBaseInput input, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SaveTrainingBase(input) { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteResources).WithName("EditTrainingBase").WithSummary("Edit your training base; send the version you read (409 if it changed)");

        resources.MapGet("/mentors", async Task<Ok<Page<MentorDto>>> (Guid? organisation, bool? mine, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMentors(organisation, mine ?? false, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListMentors").WithSummary("Enterprise mentors (产业导师) with their skills, programmes and hours taught");
        resources.MapPost("/mentors", async Task<Created<MentorDto>> (MentorInput input, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new SaveMentor(input), ct);
                return TypedResults.Created($"/api/resources/mentors/{created.Id}", created);
            })
            .RequireAuthorization(Policies.WriteResources).WithName("CreateMentor").WithSummary("Record a mentor (Enterprise)");
        resources.MapPut("/mentors/{id:guid}", async Task<Ok<MentorDto>> (Guid id, MentorInput input, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SaveMentor(input) { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteResources).WithName("EditMentor").WithSummary("Edit your mentor; send the version you read (409 if it changed)");

        resources.MapGet("/platforms", async Task<Ok<Page<RdPlatformDto>>> (Guid? organisation, bool? mine, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListRdPlatforms(organisation, mine ?? false, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListRdPlatforms").WithSummary("R&D platforms (研发平台) with kind, clusters and location");
        resources.MapPost("/platforms", async Task<Created<RdPlatformDto>> (RdPlatformInput input, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new SaveRdPlatform(input), ct);
                return TypedResults.Created($"/api/resources/platforms/{created.Id}", created);
            })
            .RequireAuthorization(Policies.WriteResources).WithName("CreateRdPlatform").WithSummary("Record an R&D platform (College or Enterprise)");
        resources.MapPut("/platforms/{id:guid}", async Task<Ok<RdPlatformDto>> (Guid id, RdPlatformInput input, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SaveRdPlatform(input) { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteResources).WithName("EditRdPlatform").WithSummary("Edit your R&D platform; send the version you read (409 if it changed)");
        return app;
    }
}
