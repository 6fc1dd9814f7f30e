using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.ResourceMap;

public sealed record UsageInput(string Quarter, int Hours);

/// <summary>What an owner fills in for a training base; <see cref="Version"/> is only read on edit.</summary>
public sealed record TrainingBaseInput(
    string Name,
    double Longitude,
    double Latitude,
    string RegionCode,
    IReadOnlyList<string>? ClusterCodes,
    int CapacityHoursPerYear,
    IReadOnlyList<UsageInput>? Usage,
    IReadOnlyList<Guid>? SharedWith,
    int Version = 0);

public sealed record MentorInput(string Name, IReadOnlyList<string>? SkillCodes, IReadOnlyList<Guid>? ProgrammeIds, int HoursTaught, int Version = 0);

public sealed record RdPlatformInput(string Name, PlatformKind Kind, IReadOnlyList<string>? ClusterCodes, double Longitude, double Latitude, string RegionCode, int Version = 0);

/// <summary>Creates a resource when <see cref="Id"/> is null, otherwise replaces the fields of the caller's own one.</summary>
public sealed record SaveTrainingBase(TrainingBaseInput Input) : ICommand<TrainingBaseDto>
{
    [JsonIgnore] public Guid? Id { get; init; }
}

public sealed record SaveMentor(MentorInput Input) : ICommand<MentorDto>
{
    [JsonIgnore] public Guid? Id { get; init; }
}

public sealed record SaveRdPlatform(RdPlatformInput Input) : ICommand<RdPlatformDto>
{
    [JsonIgnore] public Guid? Id { get; init; }
}

internal static class ResourceRules
{
    public const int MaxListLength = 50;

    public static void AddLocationRules<T>(this AbstractValidator<T> v, Func<T, double> longitude, Func<T, double> latitude)
    {
        v.RuleFor(x => longitude(x)).InclusiveBetween(73, 136).WithName(_ => FieldDisplayNames.For("longitude")).OverridePropertyName("longitude");
        v.RuleFor(x => latitude(x)).InclusiveBetween(3, 54).WithName(_ => FieldDisplayNames.For("latitude")).OverridePropertyName("latitude");
    }

    public static void AddVersionRule<T>(this AbstractValidator<T> v, Func<T, Guid?> id, Func<T, int> version) =>
        v.RuleFor(x => version(x)).GreaterThan(0).When(x => id(x) is not null).WithName(_ => FieldDisplayNames.For("version")).OverridePropertyName("version")
            .WithMessage("编辑时请发送您上次读取到的版本号。");
}

internal sealed class SaveTrainingBaseValidator : AbstractValidator<SaveTrainingBase>
{
    public SaveTrainingBaseValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Input.Name).NotEmpty().MaximumLength(120).PlainText().OverridePropertyName("name");
        this.AddLocationRules(x => x.Input.Longitude, x => x.Input.Latitude);
        RuleFor(x => x.Input.RegionCode).NotEmpty().KnownRegion(taxonomy).OverridePropertyName("regionCode");
        RuleFor(x => x.Input.ClusterCodes).NotEmpty().OverridePropertyName("clusterCodes");
        this.ListOf(x => x.Input.ClusterCodes, ResourceRules.MaxListLength, "clusterCodes")
            .Must(taxonomy.IsCluster).WithMessage("'{PropertyValue}' 不是产业集群代码。");
        RuleFor(x => x.Input.CapacityHoursPerYear).InclusiveBetween(1, TrainingBase.MaxCapacity)
            .WithMessage($"每年容量须在 1 至 {TrainingBase.MaxCapacity} 工位小时之间。").OverridePropertyName("capacityHoursPerYear");
        this.ListOf(x => x.Input.Usage, TrainingBase.MaxUsageQuarters, "usage").ChildRules(u =>
        {
            u.RuleFor(x => x.Quarter).Must(q => Quarter.TryParse(q, out _)).WithMessage("'{PropertyValue}' " + Quarter.FormatMessage);
            u.RuleFor(x => x.Hours).InclusiveBetween(0, TrainingBase.MaxCapacity);
        });
        this.ListOf(x => x.Input.SharedWith, ResourceRules.MaxListLength, "sharedWith");
        this.AddVersionRule(x => x.Id, x => x.Input.Version);
    }
}

internal sealed class SaveMentorValidator : AbstractValidator<SaveMentor>
{
    public SaveMentorValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Input.Name).NotEmpty().MaximumLength(60).PlainText().OverridePropertyName("name");
        RuleFor(x => x.Input.SkillCodes).NotEmpty().OverridePropertyName("skillCodes");
        this.ListOf(x => x.Input.SkillCodes, ResourceRules.MaxListLength, "skillCodes")
            .Must(taxonomy.IsSkill).WithMessage("'{PropertyValue}' 不是本平台技能目录中的技能代码。");
        this.ListOf(x => x.Input.ProgrammeIds, ResourceRules.MaxListLength, "programmeIds");
        RuleFor(x => x.Input.HoursTaught).InclusiveBetween(0, Mentor.MaxHoursTaught).OverridePropertyName("hoursTaught");
        this.AddVersionRule(x => x.Id, x => x.Input.Version);
    }
}

internal sealed class SaveRdPlatformValidator : AbstractValidator<SaveRdPlatform>
{
    public SaveRdPlatformValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Input.Name).NotEmpty().MaximumLength(120).PlainText().OverridePropertyName("name");
        RuleFor(x => x.Input.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(x => x.Input.ClusterCodes).NotEmpty().OverridePropertyName("clusterCodes");
        this.ListOf(x => x.Input.ClusterCodes, ResourceRules.MaxListLength, "clusterCodes")
            .Must(taxonomy.IsCluster).WithMessage("'{PropertyValue}' 不是产业集群代码。");
        this.AddLocationRules(x => x.Input.Longitude, x => x.Input.Latitude);
        RuleFor(x => x.Input.RegionCode).NotEmpty().KnownRegion(taxonomy).OverridePropertyName("regionCode");
        this.AddVersionRule(x => x.Id, x => x.Input.Version);
    }
}

internal sealed class ResourceCommandHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy)
    : ICommandHandler<SaveTrainingBase, TrainingBaseDto>, ICommandHandler<SaveMentor, MentorDto>, ICommandHandler<SaveRdPlatform, RdPlatformDto>
{
    public async ValueTask<TrainingBaseDto> Handle(SaveTrainingBase command, CancellationToken ct)
    {
        var owner = await OwnerAsync(OrganisationKind.College, OrganisationKind.Enterprise, ct);
        var input = command.Input;
        var sharedWith = input.SharedWith ?? [];
        var known = await db.Organisations.CountAsync(o => sharedWith.Contains(o.Id), ct);
        if (known != sharedWith.Distinct().Count()) throw new DomainRuleException("sharedWith", "要共享的机构不存在。");
        var details = new TrainingBaseDetails(input.Name, GeoPoint.Checked(input.Longitude, input.Latitude, "longitude"), input.RegionCode,
            input.ClusterCodes ?? [], input.CapacityHoursPerYear,
            (input.Usage ?? []).Select(u => new QuarterUsage(Quarter.Parse(u.Quarter), u.Hours)).ToList(), sharedWith);

        var trainingBase = await CreateOrEditAsync(db.TrainingBases, command.Id, input.Version, "实训基地",
            () => TrainingBase.Create(Guid.CreateVersion7(), owner.Id, details), t => t.Edit(details), ct);
        return TrainingBaseDto.From(trainingBase, owner.Name, taxonomy);
    }

    public async ValueTask<MentorDto> Handle(SaveMentor command, CancellationToken ct)
    {
        var owner = await OwnerAsync(OrganisationKind.Enterprise, OrganisationKind.Enterprise, ct);
        var input = command.Input;
        var programmeIds = input.ProgrammeIds ?? [];
        var known = await db.Programmes.CountAsync(p => programmeIds.Contains(p.Id), ct);
        if (known != programmeIds.Distinct().Count()) throw new DomainRuleException("programmeIds", "导师任教的专业点不存在。");
        var details = new MentorDetails(input.Name, input.SkillCodes ?? [], programmeIds, input.HoursTaught);

        var mentor = await CreateOrEditAsync(db.Mentors, command.Id, input.Version, "导师",
            () => Mentor.Create(Guid.CreateVersion7(), owner.Id, details), m => m.Edit(details), ct);
        return MentorDto.From(mentor, owner.Name, owner.Id, taxonomy);
    }

    public async ValueTask<RdPlatformDto> Handle(SaveRdPlatform command, CancellationToken ct)
    {
        var owner = await OwnerAsync(OrganisationKind.College, OrganisationKind.Enterprise, ct);
        var input = command.Input;
        var details = new RdPlatformDetails(input.Name, input.Kind, input.ClusterCodes ?? [],
            GeoPoint.Checked(input.Longitude, input.Latitude, "longitude"), input.RegionCode);

        var platform = await CreateOrEditAsync(db.RdPlatforms, command.Id, input.Version, "研发平台",
            () => RdPlatform.Create(Guid.CreateVersion7(), owner.Id, details), p => p.Edit(details), ct);
        return RdPlatformDto.From(platform, owner.Name, taxonomy);
    }

    /// <summary>
    /// Creates the resource when there is no id; otherwise loads it (404), checks the caller owns it (403) and the version
    /// the caller last read (409), and edits it. Saves either way.
    /// </summary>
    private async Task<T> CreateOrEditAsync<T>(DbSet<T> set, Guid? id, int version, string what, Func<T> create, Action<T> edit, CancellationToken ct)
        where T : class, IOwnedResource
    {
        T resource;
        if (id is { } existing)
        {
            resource = await set.FirstOrDefaultAsync(r => r.Id == existing, ct) ?? throw new NotFoundException(what, existing);
            user.EnsureOwns(resource.OrganisationId, what);
            db.ExpectVersion(resource, version, $"该{what}");
            edit(resource);
        }
        else
        {
            resource = create();
            set.Add(resource);
        }
        await db.SaveChangesAsync(ct);
        return resource;
    }

    /// <summary>The caller's organisation, which must be of one of the kinds that may own the resource.</summary>
    private async Task<Organisation> OwnerAsync(OrganisationKind kind, OrganisationKind orKind, CancellationToken ct)
    {
        var organisation = await db.Organisations.FindAsync([user.RequireOrganisationId()], ct)
            ?? throw new ForbiddenException("您所在的机构已不存在。");
        if (organisation.Kind != kind && organisation.Kind != orKind)
            throw new ForbiddenException(kind == orKind ? $"只有{(kind == OrganisationKind.College ? "院校" : "企业")}可以登记这类资源。" : "只有院校和企业可以登记这类资源。");
        return organisation;
    }
}
