using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>Accounts for administrators: list and search, disable and enable.</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(Policies.AdministerUsers)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapGet("/", ListUsers).WithName("ListUsers")
            .WithSummary("Accounts with their organisation, roles, whether disabled and the last sign-in (Admin); q searches e-mail, name and organisation")
            .ProducesValidationProblem();
        users.MapPost("/{id:guid}/disable", Disable).WithName("DisableUser")
            .WithSummary("Disable an account (Admin): it cannot sign in and every session of it ends at once; not your own (409)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{id:guid}/enable", Enable).WithName("EnableUser")
            .WithSummary("Enable a disabled account again (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<Page<UserDto>>> ListUsers(string? q, Guid? organisation, bool? disabled, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListUsers(q, organisation, disabled, page ?? 1, pageSize ?? 50), ct));

    private static async Task<Ok<UserDto>> Disable(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new DisableUser(id), ct));

    private static async Task<Ok<UserDto>> Enable(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new EnableUser(id), ct));
}
