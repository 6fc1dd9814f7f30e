using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Security;
using ChainLink.Domain.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class SecurityEventEndpoints
{
    public static IEndpointRouteBuilder MapSecurityEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/security-events", async Task<Ok<Page<SecurityEventDto>>> (SecurityEventKind? kind, string? email, int? page, int? pageSize,
                    IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListSecurityEvents(kind, email, page ?? 1, pageSize ?? 50), ct)))
            .RequireAuthorization(Policies.ReadSecurityEvents).WithTags("Security events")
            .WithName("ListSecurityEvents")
            .WithSummary("The security log, newest first: sign-ins, failures, throttling, logouts, refresh-token reuse, password changes, registrations, approvals (Admin only)");
        return app;
    }
}
