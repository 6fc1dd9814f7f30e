using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using FluentValidation;
using FluentValidation.Results;

namespace ChainLink.Application.Demands;

public sealed record DemandSkillInput(string SkillCode, bool Essential = true, int Level = 2);

/// <summary>What an enterprise fills in for a demand, shared by create and edit.</summary>
public interface IDemandFields
{
    string Title { get; }
    string? Description { get; }
    string OccupationCode { get; }
    string RegionCode { get; }
    int Headcount { get; }
    EducationLevel EducationLevel { get; }
    string NeededBy { get; }
    int? SalaryMin { get; }
    int? SalaryMax { get; }
    IReadOnlyList<CooperationModes>? CooperationModes { get; }
    /// <summary>Empty or missing: the skills are extracted from the title and description.</summary>
    IReadOnlyList<DemandSkillInput>? Skills { get; }
}

public static class DemandLimits
{
    public const int TitleLength = 120;
    public const int DescriptionLength = 4000;
    public const int MaxSalary = 1_000_000;
    /// <summary>Needed-by more than five years ahead is a typing error, not a plan.</summary>
    public const int MaxQuartersAhead = 20;
}

internal class DemandFieldsValidator<T> : AbstractValidator<T> where T : IDemandFields
{
    public DemandFieldsValidator(ITaxonomyCache taxonomy, TimeProvider clock)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(DemandLimits.TitleLength).PlainText();
        RuleFor(x => x.Description).MaximumLength(DemandLimits.DescriptionLength);
        RuleFor(x => x.OccupationCode).NotEmpty().KnownOccupation(taxonomy);
        RuleFor(x => x.RegionCode).NotEmpty().KnownRegion(taxonomy);
        RuleFor(x => x.Headcount).InclusiveBetween(1, Demand.MaxHeadcount);
        RuleFor(x => x.EducationLevel).IsInEnum();
        RuleFor(x => x.NeededBy).NotEmpty().Must(q => Quarter.TryParse(q, out _)).WithMessage("'{PropertyValue}' " + Quarter.FormatMessage)
            .DependentRules(() =>
            {
                RuleFor(x => x.NeededBy).Must(q => Quarter.Parse(q) >= Quarter.Of(clock.GetUtcNow()))
                    .WithMessage(x => $"到岗季度 {x.NeededBy} 已经过去；当前季度是 {Quarter.Of(clock.GetUtcNow())}。");
                RuleFor(x => x.NeededBy).Must(q => Quarter.Parse(q) <= Quarter.Of(clock.GetUtcNow()).AddQuarters(DemandLimits.MaxQuartersAhead))
                    .WithMessage($"到岗季度最多在 {DemandLimits.MaxQuartersAhead} 个季度之后。");
            });
        RuleFor(x => x.SalaryMin).InclusiveBetween(0, DemandLimits.MaxSalary);
        RuleFor(x => x.SalaryMax).InclusiveBetween(0, DemandLimits.MaxSalary)
            .GreaterThanOrEqualTo(x => x.SalaryMin).When(x => x.SalaryMin is not null && x.SalaryMax is not null)
            .WithMessage("最高月薪不能低于最低月薪。");
        this.ListOf(x => x.CooperationModes, Enum.GetValues<CooperationModes>().Length).IsInEnum().NotEqual(CooperationModes.None);
        RuleFor(x => x.Skills).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.Title) && string.IsNullOrWhiteSpace(x.Description))
            .WithMessage("请列出需求所需的技能，或在标题、描述中写明。");
        RuleFor(x => x.Skills!)
            .Must(s => s.Where(k => k is not null).Select(k => k.SkillCode).Distinct(StringComparer.Ordinal).Count() == s.Count(k => k is not null))
            .WithMessage("每项技能只能出现一次。")
            .When(x => x.Skills is not null);
        this.ListOf(x => x.Skills, Demand.MaxSkills).ChildRules(skill =>
        {
            skill.RuleFor(s => s.SkillCode).NotEmpty().KnownSkill(taxonomy);
            skill.RuleFor(s => s.Level).InclusiveBetween(1, 3);
        });
    }
}

internal static class DemandFieldsMapping
{
    public static DemandDetails ToDetails(this IDemandFields f, IReadOnlyList<DemandSkill> skills) => new(
        f.Title,
        f.Description ?? "",
        f.OccupationCode,
        f.RegionCode,
        f.Headcount,
        f.EducationLevel,
        Quarter.Parse(f.NeededBy),
        f.SalaryMin,
        f.SalaryMax,
        (f.CooperationModes ?? []).Aggregate(CooperationModes.None, (all, m) => all | m),
        skills);

    /// <summary>Level given to extracted skills: the text rarely says how deep, and the user corrects it by editing.</summary>
    public const int ExtractedSkillLevel = 2;

    /// <summary>The skills the user listed; if none, those the extractor finds in the title and description.</summary>
    public static async ValueTask<IReadOnlyList<DemandSkill>> ResolveSkillsAsync(this IDemandFields f, ISkillDictionaryProvider dictionaries, CancellationToken ct)
    {
        if (f.Skills is { Count: > 0 } listed) return listed.Select(s => new DemandSkill(s.SkillCode, s.Essential, s.Level)).ToList();
        var extracted = (await dictionaries.GetAsync(ct)).Extract($"{f.Title}\n{f.Description}").Skills;
        if (extracted.Count == 0)
            throw new ValidationException([new ValidationFailure("skills",
                "标题和描述中没有识别出技能；请列出需求所需的技能，或在文字中写明。")]);
        return extracted.Take(Demand.MaxSkills).Select(s => new DemandSkill(s.SkillCode, s.Essential, ExtractedSkillLevel)).ToList();
    }
}

public sealed record DemandSkillDto(string SkillCode, string SkillName, bool Essential, int Level);

public sealed record DemandStatusChangeDto(DemandStatus From, DemandStatus To, DateTime At);

public sealed record DemandDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string Title,
    string Description,
    string OccupationCode,
    string OccupationName,
    string RegionCode,
    string RegionName,
    int Headcount,
    EducationLevel EducationLevel,
    string NeededBy,
    int? SalaryMin,
    int? SalaryMax,
    IReadOnlyList<CooperationModes> CooperationModes,
    DemandStatus Status,
    IReadOnlyList<DemandSkillDto> Skills,
    IReadOnlyList<DemandStatusChangeDto> History,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? OpenedAt,
    DateTime? ClosedAt,
    int Version,
    int? GoodMatches = null)
{
    internal static DemandDto From(Demand d, string organisationName, ITaxonomyCache taxonomy) => new(
        d.Id, d.OrganisationId, organisationName, d.Title, d.Description,
        d.OccupationCode, taxonomy.OccupationName(d.OccupationCode) ?? d.OccupationCode,
        d.RegionCode, taxonomy.RegionName(d.RegionCode) ?? d.RegionCode,
        d.Headcount, d.EducationLevel, d.NeededBy.ToString(), d.SalaryMin, d.SalaryMax,
        Enum.GetValues<CooperationModes>().Where(m => m != Domain.Demands.CooperationModes.None && d.CooperationModes.HasFlag(m)).ToList(),
        d.Status,
        d.Skills.Select(s => new DemandSkillDto(s.SkillCode, taxonomy.SkillName(s.SkillCode) ?? s.SkillCode, s.Essential, s.Level)).ToList(),
        d.History.Select(h => new DemandStatusChangeDto(h.From, h.To, h.At)).ToList(),
        d.CreatedAt, d.UpdatedAt, d.OpenedAt, d.ClosedAt, d.Version);
}
