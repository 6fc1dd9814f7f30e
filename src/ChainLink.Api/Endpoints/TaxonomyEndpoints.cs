using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Application.Taxonomy;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainLink.Api.Endpoints;

internal static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder app)
    {
        var taxonomy = app.MapGroup("/api/taxonomy").WithTags("Taxonomy");

        taxonomy.MapGet("/skills", async Task<Ok<Page<SkillDto>>> (string? q, string? parent, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListSkills(q, parent, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListSkills").WithSummary("Skills of the ChainLink taxonomy; q matches code, names and aliases");
        taxonomy.MapGet("/majors", async Task<Ok<Page<MajorDto>>> (string? q, string? category, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMajors(q, category, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListMajors").WithSummary("Majors of the national vocational catalogue (高职专科); q matches code prefix or name");
        taxonomy.MapGet("/occupations", async Task<Ok<Page<OccupationDto>>> (string? q, string? level, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListOccupations(q, level, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListOccupations").WithSummary("Occupations of the 2022 classification; level = 大类|中类|小类|细类");
        taxonomy.MapGet("/regions", async Task<Ok<Page<RegionDto>>> (string? parent, string? level, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListRegions(parent, level, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListRegions").WithSummary("GB/T 2260 provinces and prefectures with seat points; parent=150000 lists Inner Mongolia's 盟市");
        taxonomy.MapGet("/clusters", async Task<Ok<Page<ClusterDto>>> (int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListClusters(page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListClusters").WithSummary("Industry clusters of the demo region");
        taxonomy.MapPost("/skills/{code}/aliases", async Task<Created<SkillDto>> (string code, AddSkillAlias command, IMediator m, CancellationToken ct) =>
            {
                var skill = await m.Send(command with { Code = code }, ct);
                return TypedResults.Created($"/api/taxonomy/skills?q={Uri.EscapeDataString(skill.Code)}", skill);
            })
            .RequireAuthorization(Policies.CurateTaxonomy).WithName("AddSkillAlias")
            .WithSummary("Add an alias to a skill (Admin); the skill extractor uses it from the next request on");
        return app;
    }
}
