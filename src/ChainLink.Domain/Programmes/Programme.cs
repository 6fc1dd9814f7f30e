using ChainLink.Domain.Common;

namespace ChainLink.Domain.Programmes;

public sealed record ModuleSkill(string SkillCode, int Level);

/// <summary>A curriculum module (课程模块) with the skills it teaches.</summary>
public sealed record CurriculumModule(string Name, int Hours, string LearningOutcomes, IReadOnlyList<ModuleSkill> Skills);

public sealed record EnrolmentPlan(int Year, int Planned);

/// <summary>Graduates of one year: expected before the year ends, actual once reported.</summary>
public sealed record GraduateCohort(int Year, int Expected, int? Actual);

public sealed record ProgrammeDetails(
    string MajorCode,
    string Name,
    EducationLevel Level,
    string CampusRegionCode,
    string Description,
    IReadOnlyList<CurriculumModule> Modules,
    IReadOnlyList<EnrolmentPlan> EnrolmentPlans,
    IReadOnlyList<GraduateCohort> Cohorts);

/// <summary>A catalogue major as offered by one college at one campus.</summary>
public sealed class Programme
{
    public const int MaxModules = 60;
    public const int MaxYearlyCount = 100_000;

    private Programme() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string MajorCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public EducationLevel Level { get; private set; }
    public string CampusRegionCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<ProgrammeModule> Modules { get; private set; } = [];
    public List<EnrolmentPlan> EnrolmentPlans { get; private set; } = [];
    public List<GraduateCohort> Cohorts { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Programme Create(Guid id, Guid organisationId, ProgrammeDetails details, DateTime now)
    {
        var programme = new Programme { Id = id, OrganisationId = organisationId, CreatedAt = now, Version = 1 };
        programme.Apply(details, now);
        return programme;
    }

    public void Edit(ProgrammeDetails details, DateTime now)
    {
        Apply(details, now);
        Version++;
    }

    private void Apply(ProgrammeDetails d, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainRuleException("name", "专业点需要名称。");
        if (d.Modules.Count > MaxModules) throw new DomainRuleException("modules", $"一个专业点最多 {MaxModules} 个课程模块。");
        foreach (var m in d.Modules)
        {
            if (m.Hours is < 1 or > 2000) throw new DomainRuleException("modules", $"课程模块「{m.Name}」的学时须在 1 至 2000 之间。");
            if (m.Skills.Select(s => s.SkillCode).Distinct(StringComparer.Ordinal).Count() != m.Skills.Count)
                throw new DomainRuleException("modules", $"课程模块「{m.Name}」重复列出了同一项技能。");
            if (m.Skills.Any(s => s.Level is < 1 or > 3)) throw new DomainRuleException("modules", "技能等级为 1（基础）至 3（精通）。");
        }
        if (d.EnrolmentPlans.Select(p => p.Year).Distinct().Count() != d.EnrolmentPlans.Count)
            throw new DomainRuleException("enrolmentPlans", "每年只能有一个招生计划。");
        if (d.Cohorts.Select(c => c.Year).Distinct().Count() != d.Cohorts.Count)
            throw new DomainRuleException("cohorts", "每年只能有一届毕业生。");
        if (d.EnrolmentPlans.Any(p => p.Planned is < 0 or > MaxYearlyCount))
            throw new DomainRuleException("enrolmentPlans", $"计划招生人数须在 0 至 {MaxYearlyCount} 之间。");
        if (d.Cohorts.Any(c => c.Expected is < 0 or > MaxYearlyCount || c.Actual is < 0 or > MaxYearlyCount))
            throw new DomainRuleException("cohorts", $"毕业人数须在 0 至 {MaxYearlyCount} 之间。");

        MajorCode = d.MajorCode;
        Name = d.Name.Trim();
        Level = d.Level;
        CampusRegionCode = d.CampusRegionCode;
        Description = d.Description.Trim();
        Modules = d.Modules.Select((m, i) => new ProgrammeModule(i + 1, m.Name.Trim(), m.Hours, m.LearningOutcomes.Trim(), [.. m.Skills])).ToList();
        EnrolmentPlans = [.. d.EnrolmentPlans.OrderBy(p => p.Year)];
        Cohorts = [.. d.Cohorts.OrderBy(c => c.Year)];
        UpdatedAt = now;
    }
}

/// <summary>A stored module: <see cref="Position"/> keeps the college's order.</summary>
public sealed class ProgrammeModule
{
    private ProgrammeModule() { }

    public ProgrammeModule(int position, string name, int hours, string learningOutcomes, List<ModuleSkill> skills)
    {
        Position = position;
        Name = name;
        Hours = hours;
        LearningOutcomes = learningOutcomes;
        Skills = skills;
    }

    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public int Hours { get; private set; }
    public string LearningOutcomes { get; private set; } = "";
    public List<ModuleSkill> Skills { get; private set; } = [];
}
