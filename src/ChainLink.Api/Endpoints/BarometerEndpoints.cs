using ChainLink.Api.Infrastructure;
using ChainLink.Application.Barometer;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

/// <summary>
/// Published editions are public statistics, readable without signing in; publishing is for government and admins.
/// Responses use the barometer's own JSON settings (camelCase enum names), and an edition's cells are the stored bytes.
/// </summary>
internal static class BarometerEndpoints
{
    public static IEndpointRouteBuilder MapBarometerEndpoints(this IEndpointRouteBuilder app)
    {
        var editions = app.MapGroup("/api/barometer/editions").WithTags("Barometer");

        editions.MapGet("/", async Task<JsonHttpResult<List<EditionSummary>>> (IMediator m, CancellationToken ct) =>
                TypedResults.Json(await m.Send(new ListEditions(), ct), BarometerPayload.Json))
            .WithName("ListBarometerEditions").WithSummary("Every published revision, newest quarter first");
        editions.MapGet("/{quarter}", async Task<FileContentHttpResult> (string quarter, int? revision, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var edition = await m.Send(new GetEdition(quarter, revision), ct);
                http.Response.Headers.ETag = $"\"{edition.Summary.JsonSha256}\"";
                return TypedResults.File(edition.EditionJson, "application/json; charset=utf-8");
            })
            .WithName("GetBarometerEdition").WithSummary("An edition with its cells (latest revision unless ?revision=)");
        editions.MapGet("/{quarter}.csv", async Task<FileContentHttpResult> (string quarter, int? revision, string? format, HttpContext http, IMediator m,
                CancellationToken ct) =>
            {
                var csv = await m.Send(new GetEditionCsv(quarter, revision, format), ct);
                http.Response.Headers.ETag = $"\"{csv.Sha256}\"";
                return TypedResults.File(csv.Bytes, "text/csv; charset=utf-8", csv.FileName);
            })
            .WithName("GetBarometerEditionCsv")
            .WithSummary("An edition's cells as CSV, UTF-8 with BOM: Chinese headers for people (methodology 2.0 and later); ?format=machine the frozen CSV with stable keys for scripts");
        editions.MapGet("/{quarter}/ranking", async Task<JsonHttpResult<RankingDto>> (string quarter, int? revision, int? top, IMediator m, CancellationToken ct) =>
                TypedResults.Json(await m.Send(new GetRanking(quarter, revision, top ?? 10), ct), BarometerPayload.Json))
            .WithName("GetBarometerRanking").WithSummary("The shortage ranking: top occupations by demand/supply ratio above the minimum demand");
        editions.MapGet("/{quarter}/segments", async Task<JsonHttpResult<SegmentsDto>> (string quarter, int? revision, string? type, string? code,
                IMediator m, CancellationToken ct) =>
                TypedResults.Json(await m.Send(new GetSegments(quarter, revision, type, code), ct), BarometerPayload.Json))
            .WithName("GetBarometerSegments").WithSummary("An edition's cells filtered by segment type and code");
        editions.MapGet("/{quarter}/compare", Compare).WithName("CompareBarometerRevisions")
            .WithSummary("Two revisions of a quarter side by side: each revision's kind, note, time and hashes, and the cells added, removed and changed field by field")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        editions.MapPost("/", async Task<JsonHttpResult<EditionSummary>> (PublishEdition command, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var edition = await m.Send(command, ct);
                http.Response.Headers.Location = $"/api/barometer/editions/{edition.Quarter}?revision={edition.Revision}";
                return TypedResults.Json(edition, BarometerPayload.Json, statusCode: StatusCodes.Status201Created);
            })
            .RequireAuthorization(Policies.PublishBarometer).RequireRateLimiting(RateLimits.Expensive).WithName("PublishBarometerEdition")
            .WithSummary("Compute and freeze an edition of a finished quarter; 'revision' { kind, note } for a new revision (Government, Admin)");
        return app;
    }

    private static async Task<JsonHttpResult<EditionComparison>> Compare(string quarter, int from, int to, IMediator m, CancellationToken ct) =>
        TypedResults.Json(await m.Send(new CompareEditions(quarter, from, to), ct), BarometerPayload.Json);
}
