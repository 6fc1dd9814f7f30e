using ChainLink.Api.Infrastructure;
using ChainLink.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>
/// Graduate outcomes and the integration dashboard (docs/integration-dashboard.md). Roles are checked here; which
/// organisation's rows and figures a caller reads is decided by the handlers.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var outcomes = app.MapGroup("/api/graduate-outcomes").WithTags("Dashboard").RequireAuthorization(Policies.SignedIn);
        outcomes.MapPost("/", ReportOutcome).RequireAuthorization(Policies.ReportGraduateOutcomes).WithName("ReportGraduateOutcome")
            .WithSummary("Report the employment of a programme's graduates of one year (College; one row per programme and year)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        outcomes.MapPut("/{id:guid}", EditOutcome).RequireAuthorization(Policies.ReportGraduateOutcomes).WithName("EditGraduateOutcome")
            .WithSummary("Correct your graduate outcome (send the version you read)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        outcomes.MapGet("/", ListOutcomes).WithName("ListGraduateOutcomes")
            .WithSummary("Graduate-outcome rows with the verified hires: a college its own, government and administrators all")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        outcomes.MapGet("/aggregates", Aggregates).WithName("GraduateOutcomeAggregates")
            .WithSummary("Graduate outcomes of a year by 盟市 (by=region) or major class (by=majorClass); small cells withheld outside government")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Created<GraduateOutcomeDto>> ReportOutcome(ReportGraduateOutcome command, IMediator m, CancellationToken ct)
    {
        var outcome = await m.Send(command, ct);
        return TypedResults.Created($"/api/graduate-outcomes/{outcome.Id}", outcome);
    }

    private static async Task<Ok<GraduateOutcomeDto>> EditOutcome(Guid id, EditGraduateOutcome command, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(command with { Id = id }, ct));

    private static async Task<Ok<IReadOnlyList<GraduateOutcomeDto>>> ListOutcomes(int? year, Guid? college, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListGraduateOutcomes(year, college), ct));

    private static async Task<Ok<IReadOnlyList<GraduateOutcomeAggregateDto>>> Aggregates(int year, string? by, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GraduateOutcomeAggregates(year, by ?? GraduateOutcomeAggregates.ByRegion), ct));
}
