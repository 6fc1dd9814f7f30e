using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Programmes;
using FluentValidation;

namespace ChainLink.Application.Programmes;

public sealed record ModuleSkillInput(string SkillCode, int Level = 2);
public sealed record ModuleInput(string Name, int Hours, string? LearningOutcomes, IReadOnlyList<ModuleSkillInput> Skills);
public sealed record EnrolmentPlanInput(int Year, int Planned);
public sealed record CohortInput(int Year, int Expected, int? Actual);

/// <summary>What a college fills in for a programme, shared by create and edit.</summary>
public interface IProgrammeFields
{
    string MajorCode { get; }
    string? Name { get; }
    EducationLevel Level { get; }
    string CampusRegionCode { get; }
    string? Description { get; }
    IReadOnlyList<ModuleInput>? Modules { get; }
    IReadOnlyList<EnrolmentPlanInput>? EnrolmentPlans { get; }
    IReadOnlyList<CohortInput>? Cohorts { get; }
}

internal class ProgrammeFieldsValidator<T> : AbstractValidator<T> where T : IProgrammeFields
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>A module teaching more skills than this is a whole programme typed into one module.</summary>
    public const int MaxModuleSkills = 50;

    public ProgrammeFieldsValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.MajorCode).NotEmpty().KnownMajor(taxonomy);
        RuleFor(x => x.Name).MaximumLength(120).PlainText();
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.CampusRegionCode).NotEmpty().KnownRegion(taxonomy);
        RuleFor(x => x.Description).MaximumLength(4000);
        this.ListOf(x => x.Modules, Programme.MaxModules).ChildRules(module =>
        {
            module.RuleFor(m => m.Name).NotEmpty().MaximumLength(120).PlainText();
            module.RuleFor(m => m.Hours).InclusiveBetween(1, 2000);
            module.RuleFor(m => m.LearningOutcomes).MaximumLength(2000);
            module.RuleFor(m => m.Skills).NotNull()
                .Must(s => s.Where(k => k is not null).Select(k => k.SkillCode).Distinct(StringComparer.Ordinal).Count() == s.Count(k => k is not null))
                .WithMessage("一个课程模块中每项技能只能列一次。");
            module.ListOf(m => m.Skills, MaxModuleSkills).ChildRules(skill =>
            {
                skill.RuleFor(s => s.SkillCode).NotEmpty().KnownSkill(taxonomy);
                skill.RuleFor(s => s.Level).InclusiveBetween(1, 3);
            });
        });
        RuleFor(x => x.EnrolmentPlans).Must(p => p is null || p.Where(y => y is not null).Select(y => y.Year).Distinct().Count() == p.Count(y => y is not null))
            .WithMessage("每年只能有一个招生计划。");
        this.ListOf(x => x.EnrolmentPlans, MaxYear - MinYear + 1).ChildRules(plan =>
        {
            plan.RuleFor(p => p.Year).InclusiveBetween(MinYear, MaxYear);
            plan.RuleFor(p => p.Planned).InclusiveBetween(0, Programme.MaxYearlyCount);
        });
        RuleFor(x => x.Cohorts).Must(c => c is null || c.Where(y => y is not null).Select(y => y.Year).Distinct().Count() == c.Count(y => y is not null))
            .WithMessage("每年只能有一届毕业生。");
        this.ListOf(x => x.Cohorts, MaxYear - MinYear + 1).ChildRules(cohort =>
        {
            cohort.RuleFor(c => c.Year).InclusiveBetween(MinYear, MaxYear);
            cohort.RuleFor(c => c.Expected).InclusiveBetween(0, Programme.MaxYearlyCount);
            cohort.RuleFor(c => c.Actual).InclusiveBetween(0, Programme.MaxYearlyCount);
        });
    }
}

internal static class ProgrammeFieldsMapping
{
    public static ProgrammeDetails ToDetails(this IProgrammeFields f, ITaxonomyCache taxonomy) => new(
        f.MajorCode,
        string.IsNullOrWhiteSpace(f.Name) ? taxonomy.MajorName(f.MajorCode) ?? f.MajorCode : f.Name,
        f.Level,
        f.CampusRegionCode,
        f.Description ?? "",
        (f.Modules ?? []).Select(m => new CurriculumModule(m.Name, m.Hours, m.LearningOutcomes ?? "", m.Skills.Select(s => new ModuleSkill(s.SkillCode, s.Level)).ToList())).ToList(),
        (f.EnrolmentPlans ?? []).Select(p => new EnrolmentPlan(p.Year, p.Planned)).ToList(),
        (f.Cohorts ?? []).Select(c => new GraduateCohort(c.Year, c.Expected, c.Actual)).ToList());
}

public sealed record ModuleSkillDto(string SkillCode, string SkillName, int Level);
public sealed record ModuleDto(string Name, int Hours, string LearningOutcomes, IReadOnlyList<ModuleSkillDto> Skills);

public sealed record ProgrammeDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string MajorCode,
    string MajorName,
    string Name,
    EducationLevel Level,
    string CampusRegionCode,
    string CampusRegionName,
    string Description,
    IReadOnlyList<ModuleDto> Modules,
    IReadOnlyList<EnrolmentPlan> EnrolmentPlans,
    IReadOnlyList<GraduateCohort> Cohorts,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    int? GoodMatches = null)
{
    internal static ProgrammeDto From(Programme p, string organisationName, ITaxonomyCache taxonomy) => new(
        p.Id, p.OrganisationId, organisationName, p.MajorCode, taxonomy.MajorName(p.MajorCode) ?? p.MajorCode, p.Name, p.Level,
        p.CampusRegionCode, taxonomy.RegionName(p.CampusRegionCode) ?? p.CampusRegionCode, p.Description,
        p.Modules.OrderBy(m => m.Position)
            .Select(m => new ModuleDto(m.Name, m.Hours, m.LearningOutcomes, m.Skills.Select(s => new ModuleSkillDto(s.SkillCode, taxonomy.SkillName(s.SkillCode) ?? s.SkillCode, s.Level)).ToList()))
            .ToList(),
        p.EnrolmentPlans, p.Cohorts, p.CreatedAt, p.UpdatedAt, p.Version);
}
