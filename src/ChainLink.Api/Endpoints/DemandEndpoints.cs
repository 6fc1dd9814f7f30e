using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Demands;
using ChainLink.Domain.Demands;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

public sealed record VersionBody(int Version);

internal static class DemandEndpoints
{
    public static IEndpointRouteBuilder MapDemandEndpoints(this IEndpointRouteBuilder app)
    {
        var demands = app.MapGroup("/api/demands").WithTags("Demands").RequireAuthorization(Policies.SignedIn);

        demands.MapGet("/", async Task<Ok<Page<DemandDto>>> (string? q, DemandStatus? status, string? occupation, string? region,
                Guid? organisation, bool? mine, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListDemands(q, status, occupation, region, organisation, mine ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListDemands").WithSummary("Demands, newest first; drafts only for their own enterprise");
        demands.MapGet("/{id:guid}", async Task<Ok<DemandDto>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetDemand(id), ct)))
            .WithName("GetDemand").WithSummary("One demand");
        demands.MapPost("/", async Task<Created<DemandDto>> (CreateDemand command, IMediator m, CancellationToken ct) =>
            {
                var demand = await m.Send(command, ct);
                return TypedResults.Created($"/api/demands/{demand.Id}", demand);
            })
            .RequireAuthorization(Policies.WriteDemands).WithName("CreateDemand").WithSummary("Post a demand (Enterprise)");
        demands.MapPost("/draft", Draft)
            .RequireAuthorization(Policies.WriteDemands).WithName("DraftDemand")
            .WithSummary("Read a demand's fields from a pasted job ad (Enterprise); nothing is saved")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        demands.MapPut("/{id:guid}", async Task<Ok<DemandDto>> (Guid id, EditDemand command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(command with { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteDemands).WithName("EditDemand").WithSummary("Edit a demand; send the version you read (409 if it changed)");
        MapAction(demands, "open", DemandAction.Open, "Open a draft or closed demand");
        MapAction(demands, "close", DemandAction.Close, "Close an open demand");
        MapAction(demands, "fill", DemandAction.MarkFilled, "Mark an open demand filled");
        demands.MapPost("/{id:guid}/renew", async Task<Ok<DemandDto>> (Guid id, RenewDemand command, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(command with { Id = id }, ct)))
            .RequireAuthorization(Policies.WriteDemands).WithName("RenewDemand")
            .WithSummary("Renew an expired demand with a new needed-by quarter (409 naming the state when it is not expired)");
        return app;
    }

    private static async Task<Ok<DemandDraft>> Draft(DraftDemand query, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(query, ct));

    private static void MapAction(RouteGroupBuilder demands, string path, DemandAction action, string summary) =>
        demands.MapPost($"/{{id:guid}}/{path}", async Task<Ok<DemandDto>> (Guid id, VersionBody body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ChangeDemandStatus(id, action, body.Version), ct)))
            .RequireAuthorization(Policies.WriteDemands).WithName($"{action}Demand").WithSummary(summary);
}
