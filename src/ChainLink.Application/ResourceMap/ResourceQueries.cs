using ChainLink.Application.Common;
using ChainLink.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.ResourceMap;

public sealed record UsageDto(string Quarter, int Hours);

public sealed record TrainingBaseDto(
    Guid Id, Guid OrganisationId, string OrganisationName, string Name, double Longitude, double Latitude,
    string RegionCode, string RegionName, IReadOnlyList<string> ClusterCodes, int CapacityHoursPerYear,
    IReadOnlyList<UsageDto> Usage, IReadOnlyList<Guid> SharedWith, double Utilisation, int Version)
{
    public static TrainingBaseDto From(TrainingBase t, string organisationName, ITaxonomyCache taxonomy) => new(
        t.Id, t.OrganisationId, organisationName, t.Name, t.Location.Longitude, t.Location.Latitude,
        t.RegionCode, taxonomy.RegionName(t.RegionCode) ?? t.RegionCode, t.ClusterCodes, t.CapacityHoursPerYear,
        t.Usage.Select(u => new UsageDto(u.Quarter.ToString(), u.Hours)).ToList(), t.SharedWith,
        Math.Round(TrainingBase.Utilisation(t.CapacityHoursPerYear, t.Usage), 4), t.Version);
}

public sealed record MentorDto(Guid Id, Guid OrganisationId, string OrganisationName, string Name, IReadOnlyList<string> SkillCodes,
    IReadOnlyList<string> SkillNames, IReadOnlyList<Guid> ProgrammeIds, int HoursTaught, int Version)
{
    /// <param name="viewer">The caller's organisation: only the mentor's own enterprise sees the full name.</param>
    public static MentorDto From(Mentor m, string organisationName, Guid? viewer, ITaxonomyCache taxonomy) => new(
        m.Id, m.OrganisationId, organisationName, m.NameFor(viewer), m.SkillCodes, m.SkillCodes.Select(c => taxonomy.SkillName(c) ?? c).ToList(),
        m.ProgrammeIds, m.HoursTaught, m.Version);
}

public sealed record RdPlatformDto(Guid Id, Guid OrganisationId, string OrganisationName, string Name, PlatformKind Kind,
    IReadOnlyList<string> ClusterCodes, double Longitude, double Latitude, string RegionCode, string RegionName, int Version)
{
    public static RdPlatformDto From(RdPlatform p, string organisationName, ITaxonomyCache taxonomy) => new(
        p.Id, p.OrganisationId, organisationName, p.Name, p.Kind, p.ClusterCodes, p.Location.Longitude, p.Location.Latitude,
        p.RegionCode, taxonomy.RegionName(p.RegionCode) ?? p.RegionCode, p.Version);
}

/// <summary>Resources of one kind, optionally only the caller's own (<c>mine</c>) or one organisation's.</summary>
public sealed record ListTrainingBases(Guid? Organisation, bool Mine, int PageNumber = 1, int PageSize = 50) : IQuery<Page<TrainingBaseDto>>, IPagedQuery;
public sealed record ListMentors(Guid? Organisation, bool Mine, int PageNumber = 1, int PageSize = 50) : IQuery<Page<MentorDto>>, IPagedQuery;
public sealed record ListRdPlatforms(Guid? Organisation, bool Mine, int PageNumber = 1, int PageSize = 50) : IQuery<Page<RdPlatformDto>>, IPagedQuery;

internal sealed class ListTrainingBasesValidator : AbstractValidator<ListTrainingBases>
{
    public ListTrainingBasesValidator() => this.AddPagingRules();
}

internal sealed class ListMentorsValidator : AbstractValidator<ListMentors>
{
    public ListMentorsValidator() => this.AddPagingRules();
}

internal sealed class ListRdPlatformsValidator : AbstractValidator<ListRdPlatforms>
{
    public ListRdPlatformsValidator() => this.AddPagingRules();
}

internal sealed class ResourceQueryHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy)
    : IQueryHandler<ListTrainingBases, Page<TrainingBaseDto>>, IQueryHandler<ListMentors, Page<MentorDto>>, IQueryHandler<ListRdPlatforms, Page<RdPlatformDto>>
{
    public async ValueTask<Page<TrainingBaseDto>> Handle(ListTrainingBases query, CancellationToken ct)
    {
        var owner = OwnerFilter(query.Organisation, query.Mine);
        var rows = db.TrainingBases.AsNoTracking().VisibleTo(t => t.OrganisationId, db, user.OrganisationId).Where(t => owner == null || t.OrganisationId == owner).OrderBy(t => t.RegionCode).ThenBy(t => t.Name);
        var page = await rows.Join(db.Organisations, t => t.OrganisationId, o => o.Id, (t, o) => new { t, o.Name }).ToPageAsync(query, ct);
        return new Page<TrainingBaseDto>(page.Items.Select(r => TrainingBaseDto.From(r.t, r.Name, taxonomy)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    public async ValueTask<Page<MentorDto>> Handle(ListMentors query, CancellationToken ct)
    {
        var owner = OwnerFilter(query.Organisation, query.Mine);
        var rows = db.Mentors.AsNoTracking().VisibleTo(m => m.OrganisationId, db, user.OrganisationId).Where(m => owner == null || m.OrganisationId == owner).OrderBy(m => m.Name);
        var page = await rows.Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Name }).ToPageAsync(query, ct);
        return new Page<MentorDto>(page.Items.Select(r => MentorDto.From(r.m, r.Name, user.OrganisationId, taxonomy)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    public async ValueTask<Page<RdPlatformDto>> Handle(ListRdPlatforms query, CancellationToken ct)
    {
        var owner = OwnerFilter(query.Organisation, query.Mine);
        var rows = db.RdPlatforms.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId).Where(p => owner == null || p.OrganisationId == owner).OrderBy(p => p.RegionCode).ThenBy(p => p.Name);
        var page = await rows.Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p, o.Name }).ToPageAsync(query, ct);
        return new Page<RdPlatformDto>(page.Items.Select(r => RdPlatformDto.From(r.p, r.Name, taxonomy)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    private Guid? OwnerFilter(Guid? organisation, bool mine) => mine ? user.RequireOrganisationId() : organisation;
}
