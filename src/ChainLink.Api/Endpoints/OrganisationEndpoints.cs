using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Organisations;
using ChainLink.Domain.Organisations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>Review of self-registered organisations: an administrator reviews all, a government user those of its region.</summary>
internal static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(Policies.ReviewOrganisations);

        organisations.MapGet("/", List).WithName("ListOrganisations")
            .WithSummary("Organisations by name with their review status that the caller may review (Admin: all; Government: its region)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        organisations.MapGet("/pending", ListPending).WithName("ListPendingOrganisations")
            .WithSummary("Organisations awaiting review that the caller may review (Admin: all; Government: its region)");
        organisations.MapPost("/{id:guid}/approve", Approve).WithName("ApproveOrganisation")
            .WithSummary("Approve a pending organisation: its records become public")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapPost("/{id:guid}/reject", Reject).WithName("RejectOrganisation")
            .WithSummary("Reject a pending organisation with a reason its users read")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<Page<OrganisationReviewDto>>> List(string? q, OrganisationStatus? status, OrganisationKind? kind, string? region,
        int? page, int? pageSize, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListOrganisations(q, status, kind, region, page ?? 1, pageSize ?? 50), ct));

    private static async Task<Ok<Page<OrganisationReviewDto>>> ListPending(int? page, int? pageSize, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListPendingOrganisations(page ?? 1, pageSize ?? 50), ct));

    private static async Task<Ok<OrganisationReviewDto>> Approve(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ApproveOrganisation(id), ct));

    private static async Task<Ok<OrganisationReviewDto>> Reject(Guid id, RejectOrganisation command, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(command with { Id = id }, ct));
}
