using System.Globalization;
using ChainLink.Api.Infrastructure;
using ChainLink.Application.Dashboard;
using ChainLink.Application.WhitePapers;
using ChainLink.Domain.Common;
using ChainLink.Domain.Dashboard;
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
            .Produces<IReadOnlyList<GraduateOutcomeDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        outcomes.MapGet("/aggregates", Aggregates).WithName("GraduateOutcomeAggregates")
            .WithSummary("Graduate outcomes of a year by 盟市 (by=region) or major class (by=majorClass); small cells withheld outside government")
            .Produces<IReadOnlyList<GraduateOutcomeAggregateDto>>().ProducesValidationProblem();

        var dashboard = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(Policies.SignedIn);
        dashboard.MapGet("/", Dashboard).WithName("GetDashboard")
            .WithSummary("Every figure with its completeness and records (government, admin: all; a college or enterprise: its own); format=json|xlsx")
            .Produces<DashboardDto>().Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        dashboard.MapGet("/figures/{figure}", Figure).WithName("GetDashboardFigure")
            .WithSummary("One figure's table; format=json|csv|xlsx").Produces<DashboardFigure>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        dashboard.MapGet("/figures/{figure}/records", Records).WithName("GetDashboardFigureRecords")
            .WithSummary("Drill-down: exactly the records a figure was computed from, same filters; format=json|csv|xlsx")
            .Produces<FigureRecordsDto>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/white-papers", WhitePaper).WithTags("Dashboard").RequireAuthorization(Policies.SignedIn).WithName("GetWhitePaper")
            .WithSummary("The employment-quality white paper of a year: per region (Government, Admin) or a college's own; format=docx|html|json")
            .Produces<WhitePaperContent>().Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost("/api/white-papers", Publish).WithTags("Dashboard").RequireAuthorization(Policies.SignedIn).WithName("PublishWhitePaper")
            .WithSummary("Freeze the white paper of a year as the next revision of its scope (a correction needs a note)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/white-papers/editions", Editions).WithTags("Dashboard").RequireAuthorization(Policies.SignedIn).WithName("ListWhitePaperEditions")
            .WithSummary("Published white papers: region papers for everyone signed in, a college's own for it and government");
        app.MapGet("/api/white-papers/editions/{id:guid}", Edition).WithTags("Dashboard").RequireAuthorization(Policies.SignedIn).WithName("GetWhitePaperEdition")
            .WithSummary("The frozen bytes of a published white paper (format=docx|html); ETag is their SHA-256")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<WhitePaperEditionDto>> Publish(PublishWhitePaper command, IMediator m, CancellationToken ct)
    {
        var edition = await m.Send(command, ct);
        return TypedResults.Created($"/api/white-papers/editions/{edition.Id}", edition);
    }

    private static async Task<Ok<IReadOnlyList<WhitePaperEditionDto>>> Editions(int? year, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListWhitePaperEditions(year), ct));

    private static async Task<FileContentHttpResult> Edition(Guid id, string? format, IMediator m, CancellationToken ct)
    {
        var f = string.IsNullOrWhiteSpace(format) ? "docx" : format.Trim().ToLowerInvariant();
        if (f is not ("docx" or "html")) throw new DomainRuleException("format", "格式须为 docx 或 html。");
        var file = await m.Send(new GetWhitePaperEditionFile(id, f), ct);
        return TypedResults.File(file.Bytes, f == "html" ? "text/html; charset=utf-8" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<IResult> WhitePaper(int year, string? region, Guid? college, string? format, IMediator m, IWhitePaperRenderer renderer, CancellationToken ct)
    {
        var f = string.IsNullOrWhiteSpace(format) ? "docx" : format.Trim().ToLowerInvariant();
        if (f is not ("docx" or "html" or "json")) throw new DomainRuleException("format", "格式须为 docx、html 或 json。");
        var content = await m.Send(new GetWhitePaper(year, region, college), ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"white-paper-{year}");
        return f switch
        {
            "json" => TypedResults.Ok(content),
            "html" => TypedResults.Bytes(renderer.Html(content), "text/html; charset=utf-8"),
            _ => TypedResults.File(renderer.Docx(content), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{name}.docx"),
        };
    }

    private static async Task<IResult> Dashboard([AsParameters] FilterQuery q, string? format, IMediator m, CancellationToken ct)
    {
        var f = TableFile.Format(format);
        if (f == TableFile.Csv) throw new DomainRuleException("format", "整个看板只能导出为 json 或 xlsx；单个图表可导出 csv（/api/dashboard/figures/{figure}?format=csv）。");
        var dto = await m.Send(new GetDashboard(q.Filter), ct);
        return f == TableFile.Json ? TypedResults.Ok(dto)
            : TableFile.File(f, $"dashboard-{dto.Filter.Year}", [.. dto.Figures.Select(DashboardTables.Of)]);
    }

    private static async Task<IResult> Figure(string figure, [AsParameters] FilterQuery q, string? format, IMediator m, CancellationToken ct)
    {
        var f = TableFile.Format(format);
        if (!DashboardCalculator.Figures.Contains(figure))
            throw new DomainRuleException("figure", $"没有这个图表；可选：{string.Join("、", DashboardCalculator.Figures)}。");
        var dto = await m.Send(new GetDashboard(q.Filter), ct);
        var one = dto.Figures.Single(x => x.Key == figure);
        return f == TableFile.Json ? TypedResults.Ok(one) : TableFile.File(f, $"dashboard-{dto.Filter.Year}-{figure}", DashboardTables.Of(one));
    }

    private static async Task<IResult> Records(string figure, [AsParameters] FilterQuery q, string? format, IMediator m, CancellationToken ct)
    {
        var f = TableFile.Format(format);
        var dto = await m.Send(new GetFigureRecords(figure, q.Filter), ct);
        return f == TableFile.Json ? TypedResults.Ok(dto) : TableFile.File(f, $"dashboard-{dto.Filter.Year}-{figure}-records", DashboardTables.Of(dto));
    }

    private static async Task<Created<GraduateOutcomeDto>> ReportOutcome(ReportGraduateOutcome command, IMediator m, CancellationToken ct)
    {
        var outcome = await m.Send(command, ct);
        return TypedResults.Created($"/api/graduate-outcomes/{outcome.Id}", outcome);
    }

    private static async Task<Ok<GraduateOutcomeDto>> EditOutcome(Guid id, EditGraduateOutcome command, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(command with { Id = id }, ct));

    private static async Task<IResult> ListOutcomes(int? year, Guid? college, string? format, IMediator m, CancellationToken ct)
    {
        var f = TableFile.Format(format);
        var rows = await m.Send(new ListGraduateOutcomes(year, college), ct);
        return f == TableFile.Json ? TypedResults.Ok(rows) : TableFile.File(f, $"graduate-outcomes-{year?.ToString(CultureInfo.InvariantCulture) ?? "all"}", DashboardTables.Of(rows));
    }

    private static async Task<IResult> Aggregates(int year, string? by, string? format, IMediator m, CancellationToken ct)
    {
        var f = TableFile.Format(format);
        var cells = await m.Send(new GraduateOutcomeAggregates(year, by ?? GraduateOutcomeAggregates.ByRegion), ct);
        return f == TableFile.Json ? TypedResults.Ok(cells)
            : TableFile.File(f, string.Create(CultureInfo.InvariantCulture, $"graduate-outcomes-{year}-{by ?? GraduateOutcomeAggregates.ByRegion}"), DashboardTables.Of(cells));
    }

    /// <summary>The dashboard's filters as query parameters (docs/integration-dashboard.md §3).</summary>
    internal sealed record FilterQuery(int? Year, int? Quarter, string? Region, string? Cluster, Guid? College, Guid? Enterprise)
    {
        public DashboardFilter Filter => new(Year, Quarter, Region, Cluster, College, Enterprise);
    }
}
