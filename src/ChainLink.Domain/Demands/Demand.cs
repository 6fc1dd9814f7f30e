using ChainLink.Domain.Common;

namespace ChainLink.Domain.Demands;

public enum DemandStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Filled = 3,

    /// <summary>Still open past its needed-by quarter and the grace after it: not matched and not counted as demand until renewed.</summary>
    Expired = 4,
}

/// <summary>Ways an enterprise offers to cooperate with colleges (订单班, 现代学徒制, 实习, 产业导师, 共享实训基地).</summary>
[Flags]
public enum CooperationModes
{
    None = 0,
    OrderClass = 1,
    Apprenticeship = 2,
    Internship = 4,
    Mentors = 8,
    SharedTrainingBase = 16,
}

public sealed record DemandSkill(string SkillCode, bool Essential, int Level);

public sealed record DemandStatusChange(DemandStatus From, DemandStatus To, DateTime At, Guid ByUserId);

/// <summary>The fields an enterprise edits on a demand; the entity checks them as one.</summary>
public sealed record DemandDetails(
    string Title,
    string Description,
    string OccupationCode,
    string RegionCode,
    int Headcount,
    EducationLevel EducationLevel,
    Quarter NeededBy,
    int? SalaryMin,
    int? SalaryMax,
    CooperationModes CooperationModes,
    IReadOnlyList<DemandSkill> Skills);

/// <summary>An enterprise's demand for skilled workers.</summary>
public sealed class Demand
{
    public const int MaxHeadcount = 10_000;
    public const int MaxSkills = 50;

    private Demand() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string OccupationCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public int Headcount { get; private set; }
    public EducationLevel EducationLevel { get; private set; }
    public Quarter NeededBy { get; private set; }
    public int? SalaryMin { get; private set; }
    public int? SalaryMax { get; private set; }
    public CooperationModes CooperationModes { get; private set; }
    public DemandStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public List<DemandSkill> Skills { get; private set; } = [];
    public List<DemandStatusChange> History { get; private set; } = [];

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    public static Demand Create(Guid id, Guid organisationId, DemandDetails details, DateTime now)
    {
        var demand = new Demand { Id = id, OrganisationId = organisationId, CreatedAt = now, UpdatedAt = now, Status = DemandStatus.Draft, Version = 1 };
        demand.Apply(details, now);
        return demand;
    }

    public void Edit(DemandDetails details, DateTime now)
    {
        if (Status is DemandStatus.Closed or DemandStatus.Filled or DemandStatus.Expired)
            throw new DomainRuleException("status", $"{StatusName(Status)}的需求不能编辑；请先重新开放或续期。");
        Apply(details, now);
        Touch(now);
    }

    private static string StatusName(DemandStatus status) => status switch
    {
        DemandStatus.Draft => "草稿",
        DemandStatus.Open => "开放中",
        DemandStatus.Closed => "已关闭",
        DemandStatus.Filled => "已招满",
        _ => "已过期",
    };

    public void Open(DateTime now, Guid byUserId)
    {
        if (Status is DemandStatus.Open or DemandStatus.Filled or DemandStatus.Expired)
            throw new DomainRuleException("status", $"{StatusName(Status)}的需求不能开放。");
        Transition(DemandStatus.Open, now, byUserId);
        OpenedAt ??= now;
        ClosedAt = null;
    }

    public void Close(DateTime now, Guid byUserId)
    {
        if (Status != DemandStatus.Open)
            throw new DomainRuleException("status", "只有开放中的需求可以关闭。");
        Transition(DemandStatus.Closed, now, byUserId);
        ClosedAt = now;
    }

    public void MarkFilled(DateTime now, Guid byUserId)
    {
        if (Status != DemandStatus.Open)
            throw new DomainRuleException("status", "只有开放中的需求可以标记为已招满。");
        Transition(DemandStatus.Filled, now, byUserId);
        ClosedAt = now;
    }

    /// <summary>The user id recorded in the history for changes no person made (expiry).</summary>
    public static readonly Guid System = Guid.Empty;

    /// <summary>
    /// The instant an open demand needed by <paramref name="neededBy"/> expires: the start of the quarter after the
    /// needed-by quarter and <paramref name="graceQuarters"/> more.
    /// </summary>
    public static DateTime ExpiryOf(Quarter neededBy, int graceQuarters) => neededBy.AddQuarters(graceQuarters + 1).Start.UtcDateTime;

    /// <summary>
    /// Expires the demand when it is open and its expiry (<see cref="ExpiryOf"/>) has come by <paramref name="now"/>;
    /// false when it is not due. Its open interval ends at the expiry, not at the sweep that noticed it, so the
    /// barometer counts it as demand up to its expiry and no longer.
    /// </summary>
    public bool ExpireIfDue(DateTime now, int graceQuarters)
    {
        var expiry = ExpiryOf(NeededBy, graceQuarters);
        if (Status != DemandStatus.Open || now < expiry) return false;
        Transition(DemandStatus.Expired, now, System);
        ClosedAt = OpenedAt > expiry ? OpenedAt : expiry;
        return true;
    }

    /// <summary>Opens an expired demand again with a new needed-by quarter, from the current quarter on.</summary>
    public void Renew(Quarter neededBy, DateTime now, Guid byUserId)
    {
        if (Status != DemandStatus.Expired)
            throw new TransitionNotAllowedException($"只有已过期的需求可以续期，该需求当前状态为 {Status.ToString().ToLowerInvariant()}。");
        if (neededBy < Quarter.Of(new DateTimeOffset(now, TimeSpan.Zero)))
            throw new DomainRuleException("neededBy", "续期后的需求季度不能早于当前季度。");
        NeededBy = neededBy;
        Transition(DemandStatus.Open, now, byUserId);
        ClosedAt = null;
    }

    private void Transition(DemandStatus to, DateTime now, Guid byUserId)
    {
        History.Add(new DemandStatusChange(Status, to, now, byUserId));
        Status = to;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Apply(DemandDetails d, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainRuleException("title", "需求需要标题。");
        if (d.Headcount is < 1 or > MaxHeadcount) throw new DomainRuleException("headcount", $"招聘人数须在 1 至 {MaxHeadcount} 之间。");
        if (d.NeededBy < Quarter.Of(new DateTimeOffset(CreatedAt, TimeSpan.Zero)))
            throw new DomainRuleException("neededBy", "到岗季度不能早于需求创建时所在的季度。");
        if (d.SalaryMin is < 0 || d.SalaryMax is < 0 || (d.SalaryMin is { } min && d.SalaryMax is { } max && min > max))
            throw new DomainRuleException("salaryMin", "薪资不能为负数，且最低月薪不能高于最高月薪。");
        if (d.Skills.Count > MaxSkills) throw new DomainRuleException("skills", $"一个需求最多列出 {MaxSkills} 项技能。");
        if (d.Skills.Select(s => s.SkillCode).Distinct(StringComparer.Ordinal).Count() != d.Skills.Count)
            throw new DomainRuleException("skills", "每项技能只能出现一次。");
        if (d.Skills.Any(s => s.Level is < 1 or > 3)) throw new DomainRuleException("skills", "技能等级为 1（基础）至 3（精通）。");

        Title = d.Title.Trim();
        Description = d.Description.Trim();
        OccupationCode = d.OccupationCode;
        RegionCode = d.RegionCode;
        Headcount = d.Headcount;
        EducationLevel = d.EducationLevel;
        NeededBy = d.NeededBy;
        SalaryMin = d.SalaryMin;
        SalaryMax = d.SalaryMax;
        CooperationModes = d.CooperationModes;
        Skills = [.. d.Skills];
        UpdatedAt = now;
    }
}
