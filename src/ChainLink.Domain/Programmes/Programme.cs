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
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainRuleException("name", "A programme needs a name.");
        if (d.Modules.Count > MaxModules) throw new DomainRuleException("modules", $"A programme has at most {MaxModules} modules.");
        foreach (var m in d.Modules)
        {
            if (m.Hours is < 1 or > 2000) throw new DomainRuleException("modules", $"Module '{m.Name}' must have 1 to 2000 hours.");
            if (m.Skills.Select(s => s.SkillCode).Distinct(StringComparer.Ordinal).Count() != m.Skills.Count)
                throw new DomainRuleException("modules", $"Module '{m.Name}' lists a skill twice.");
            if (m.Skills.Any(s => s.Level is < 1 or > 3)) throw new DomainRuleException("modules", "Skill levels are 1 (basic) to 3 (expert).");
        }
        if (d.EnrolmentPlans.Select(p => p.Year).Distinct().Count() != d.EnrolmentPlans.Count)
            throw new DomainRuleException("enrolmentPlans", "Each year may have one enrolment plan.");
        if (d.Cohorts.Select(c => c.Year).Distinct().Count() != d.Cohorts.Count)
            throw new DomainRuleException("cohorts", "Each year may have one graduate cohort.");
        if (d.EnrolmentPlans.Any(p => p.Planned is < 0 or > MaxYearlyCount))
            throw new DomainRuleException("enrolmentPlans", $"Planned enrolment must be 0 to {MaxYearlyCount}.");
        if (d.Cohorts.Any(c => c.Expected is < 0 or > MaxYearlyCount || c.Actual is < 0 or > MaxYearlyCount))
            throw new DomainRuleException("cohorts", $"Graduate counts must be 0 to {MaxYearlyCount}.");

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
