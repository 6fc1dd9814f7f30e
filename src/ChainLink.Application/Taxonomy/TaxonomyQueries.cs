using ChainLink.Application.Common;
using ChainLink.Domain.Reference;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace ChainLink.Application.Taxonomy;

public sealed record SkillDto(string Code, string NameZh, string NameEn, string? ParentCode, IReadOnlyList<string> Aliases);
public sealed record MajorDto(string Code, string Name, string Level, string CategoryCode, string DivisionCode, bool NationalControl, int? FirstEnrollmentYear);
public sealed record OccupationDto(string Code, string Name, string Level, string? ParentCode, bool Green, bool Digital);
public sealed record RegionDto(string Code, string Name, string Level, string DivisionType, string? ParentCode, double Longitude, double Latitude);
public sealed record ClusterDto(string Code, string NameZh, string NameEn, string Description);

/// <summary>Projections of the reference tables, generated at build time so a new column cannot be forgotten.</summary>
[Mapper]
internal static partial class TaxonomyProjections
{
    public static partial IQueryable<MajorDto> ToDto(this IQueryable<Major> q);
    public static partial IQueryable<OccupationDto> ToDto(this IQueryable<Occupation> q);
    public static partial IQueryable<RegionDto> ToDto(this IQueryable<Region> q);
    public static partial IQueryable<ClusterDto> ToDto(this IQueryable<IndustryCluster> q);

    public static partial IQueryable<SkillDto> ToDto(this IQueryable<Skill> q);

    public static partial SkillDto ToDto(this Skill skill);

    private static string AliasText(SkillAlias alias) => alias.Text;
}

internal static class TaxonomyFilters
{
    public const int MaxQueryLength = 100;

    public static void AddTextRule<T>(this AbstractValidator<T> v, Func<T, string?> q) =>
        v.RuleFor(x => q(x)).MaximumLength(MaxQueryLength).WithName(_ => FieldDisplayNames.For("q")).OverridePropertyName("q");
}

public sealed record ListSkills(string? Q, string? Parent, int PageNumber = 1, int PageSize = 50) : IQuery<Page<SkillDto>>, IPagedQuery;
public sealed record ListMajors(string? Q, string? Category, int PageNumber = 1, int PageSize = 50) : IQuery<Page<MajorDto>>, IPagedQuery;
public sealed record ListOccupations(string? Q, string? Level, int PageNumber = 1, int PageSize = 50) : IQuery<Page<OccupationDto>>, IPagedQuery;
public sealed record ListRegions(string? Parent, string? Level, int PageNumber = 1, int PageSize = 50) : IQuery<Page<RegionDto>>, IPagedQuery;
public sealed record ListClusters(int PageNumber = 1, int PageSize = 50) : IQuery<Page<ClusterDto>>, IPagedQuery;

internal sealed class ListSkillsValidator : AbstractValidator<ListSkills>
{
    public ListSkillsValidator() { this.AddPagingRules(); this.AddTextRule(x => x.Q); }
}

internal sealed class ListMajorsValidator : AbstractValidator<ListMajors>
{
    public ListMajorsValidator() { this.AddPagingRules(); this.AddTextRule(x => x.Q); }
}

internal sealed class ListOccupationsValidator : AbstractValidator<ListOccupations>
{
    public ListOccupationsValidator()
    {
        this.AddPagingRules();
        this.AddTextRule(x => x.Q);
        RuleFor(x => x.Level).Must(l => l is null or "大类" or "中类" or "小类" or "细类").WithMessage("level must be one of 大类, 中类, 小类, 细类.");
    }
}

internal sealed class ListRegionsValidator : AbstractValidator<ListRegions>
{
    public ListRegionsValidator()
    {
        this.AddPagingRules();
        RuleFor(x => x.Level).Must(l => l is null or "province" or "prefecture").WithMessage("level 只能是 province（省级）或 prefecture（地级）。");
    }
}

internal sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator() => this.AddPagingRules();
}

internal sealed class TaxonomyQueryHandlers(IAppDbContext db) :
    IQueryHandler<ListSkills, Page<SkillDto>>,
    IQueryHandler<ListMajors, Page<MajorDto>>,
    IQueryHandler<ListOccupations, Page<OccupationDto>>,
    IQueryHandler<ListRegions, Page<RegionDto>>,
    IQueryHandler<ListClusters, Page<ClusterDto>>
{
    public async ValueTask<Page<SkillDto>> Handle(ListSkills query, CancellationToken ct)
    {
        var skills = db.Skills.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            skills = skills.Where(s => s.Code == q || s.NameZh.Contains(q) || s.NameEn.ToLower().Contains(q.ToLower()) || s.Aliases.Any(a => a.Text.ToLower().Contains(q.ToLower())));
        }
        if (!string.IsNullOrWhiteSpace(query.Parent)) skills = skills.Where(s => s.ParentCode == query.Parent);
        return await skills.OrderBy(s => s.Code).ToDto().ToPageAsync(query, ct);
    }

    public async ValueTask<Page<MajorDto>> Handle(ListMajors query, CancellationToken ct)
    {
        var majors = db.Majors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            majors = majors.Where(m => m.Code.StartsWith(q) || m.Name.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
            majors = majors.Where(m => m.CategoryCode == query.Category || m.DivisionCode == query.Category);
        return await majors.OrderBy(m => m.Code).ToDto().ToPageAsync(query, ct);
    }

    public async ValueTask<Page<OccupationDto>> Handle(ListOccupations query, CancellationToken ct)
    {
        var occupations = db.Occupations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            occupations = occupations.Where(o => o.Code.StartsWith(q) || o.Name.Contains(q));
        }
        if (query.Level is not null) occupations = occupations.Where(o => o.Level == query.Level);
        return await occupations.OrderBy(o => o.Code).ToDto().ToPageAsync(query, ct);
    }

    public async ValueTask<Page<RegionDto>> Handle(ListRegions query, CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Parent)) regions = regions.Where(r => r.ParentCode == query.Parent);
        if (query.Level is not null) regions = regions.Where(r => r.Level == query.Level);
        return await regions.OrderBy(r => r.Code).ToDto().ToPageAsync(query, ct);
    }

    public async ValueTask<Page<ClusterDto>> Handle(ListClusters query, CancellationToken ct) =>
        await db.Clusters.AsNoTracking().OrderBy(c => c.Code).ToDto().ToPageAsync(query, ct);
}
