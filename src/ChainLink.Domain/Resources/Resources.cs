using ChainLink.Domain.Common;

namespace ChainLink.Domain.Resources;

/// <summary>A point on the map in GCJ-02 degrees, like the region seats and the boundary files it is drawn over.</summary>
public sealed record GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Throws unless the point lies within China's extent (a swapped latitude and longitude falls outside it).</summary>
    public static GeoPoint Checked(double longitude, double latitude, string field)
    {
        if (longitude is < 73 or > 136 || latitude is < 3 or > 54)
            throw new DomainRuleException(field, "位置须在中国境内：经度 73–136，纬度 3–54（GCJ-02 坐标）。");
        return new GeoPoint(longitude, latitude);
    }
}

/// <summary>Station-hours a training base was used in one quarter.</summary>
public sealed record QuarterUsage(Quarter Quarter, int Hours);

public sealed record TrainingBaseDetails(
    string Name,
    GeoPoint Location,
    string RegionCode,
    IReadOnlyList<string> ClusterCodes,
    int CapacityHoursPerYear,
    IReadOnlyList<QuarterUsage> Usage,
    IReadOnlyList<Guid> SharedWith);

/// <summary>A resource one organisation owns and only it may change; <see cref="Version"/> guards concurrent edits.</summary>
public interface IOwnedResource
{
    Guid Id { get; }
    Guid OrganisationId { get; }
    int Version { get; }
}

/// <summary>A training base (实训基地) owned by a college or an enterprise, possibly shared with other organisations.</summary>
public sealed class TrainingBase : IOwnedResource
{
    /// <summary>Station-hours a year: 500 stations used 2,000 hours each; more is a typing error (and sums stay far from overflow).</summary>
    public const int MaxCapacity = 1_000_000;
    /// <summary>Twenty years of quarterly usage reports.</summary>
    public const int MaxUsageQuarters = 80;

    private TrainingBase() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public GeoPoint Location { get; private set; } = new(0, 0);
    public string RegionCode { get; private set; } = "";
    public List<string> ClusterCodes { get; private set; } = [];
    public int CapacityHoursPerYear { get; private set; }
    public List<QuarterUsage> Usage { get; private set; } = [];
    public List<Guid> SharedWith { get; private set; } = [];
    public int Version { get; private set; }

    public static TrainingBase Create(Guid id, Guid organisationId, TrainingBaseDetails details)
    {
        var trainingBase = new TrainingBase { Id = id, OrganisationId = organisationId, Version = 1 };
        trainingBase.Apply(details);
        return trainingBase;
    }

    public void Edit(TrainingBaseDetails details)
    {
        Apply(details);
        Version++;
    }

    /// <summary>Hours used in the last four quarters reported, over the yearly capacity (0 when nothing is reported).</summary>
    public static double Utilisation(int capacityHoursPerYear, IEnumerable<QuarterUsage> usage) =>
        capacityHoursPerYear == 0 ? 0 : (double)usage.OrderByDescending(u => u.Quarter).Take(4).Sum(u => (long)u.Hours) / capacityHoursPerYear;

    private void Apply(TrainingBaseDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainRuleException("name", "实训基地需要名称。");
        if (d.CapacityHoursPerYear is < 1 or > MaxCapacity)
            throw new DomainRuleException("capacityHoursPerYear", $"每年容量须在 1 至 {MaxCapacity} 工位小时之间。");
        if (d.Usage.Count > MaxUsageQuarters)
            throw new DomainRuleException("usage", $"实训基地最多填报 {MaxUsageQuarters} 个季度的使用时数。");
        if (d.Usage.Select(u => u.Quarter).Distinct().Count() != d.Usage.Count)
            throw new DomainRuleException("usage", "每个季度只能填报一次。");
        // A quarter has a quarter of the year's capacity; more hours than that cannot have been used.
        if (d.Usage.Any(u => u.Hours < 0 || u.Hours > (d.CapacityHoursPerYear + 3) / 4))
            throw new DomainRuleException("usage", "一个季度的使用学时须在 0 至年容量的四分之一之间。");
        if (d.SharedWith.Contains(OrganisationId))
            throw new DomainRuleException("sharedWith", "实训基地不能与其所属机构共享。");

        Name = d.Name.Trim();
        Location = d.Location;
        RegionCode = d.RegionCode;
        ClusterCodes = d.ClusterCodes.Distinct(StringComparer.Ordinal).ToList();
        CapacityHoursPerYear = d.CapacityHoursPerYear;
        Usage = [.. d.Usage.OrderBy(u => u.Quarter)];
        SharedWith = d.SharedWith.Distinct().ToList();
    }
}

public sealed record MentorDetails(string Name, IReadOnlyList<string> SkillCodes, IReadOnlyList<Guid> ProgrammeIds, int HoursTaught);

/// <summary>An enterprise mentor (产业导师) who teaches in college programmes.</summary>
public sealed class Mentor : IOwnedResource
{
    public const int MaxHoursTaught = 100_000;

    private Mentor() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public List<string> SkillCodes { get; private set; } = [];
    public List<Guid> ProgrammeIds { get; private set; } = [];
    public int HoursTaught { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// A mentor's name is personal data: other organisations (government included) see only the surname's first
    /// character, e.g. 王** for 王建国.
    /// </summary>
    public string NameFor(Guid? viewerOrganisationId) => viewerOrganisationId == OrganisationId ? Name : Name[..1] + "**";

    public static Mentor Create(Guid id, Guid organisationId, MentorDetails details)
    {
        var mentor = new Mentor { Id = id, OrganisationId = organisationId, Version = 1 };
        mentor.Apply(details);
        return mentor;
    }

    public void Edit(MentorDetails details)
    {
        Apply(details);
        Version++;
    }

    private void Apply(MentorDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainRuleException("name", "导师需要姓名。");
        if (d.SkillCodes.Count == 0) throw new DomainRuleException("skillCodes", "导师至少需要一项专长技能。");
        if (d.HoursTaught is < 0 or > MaxHoursTaught) throw new DomainRuleException("hoursTaught", $"授课学时须在 0 至 {MaxHoursTaught} 之间。");
        Name = d.Name.Trim();
        SkillCodes = d.SkillCodes.Distinct(StringComparer.Ordinal).ToList();
        ProgrammeIds = d.ProgrammeIds.Distinct().ToList();
        HoursTaught = d.HoursTaught;
    }
}

/// <summary>Kinds of R&amp;D platform (研发平台).</summary>
public enum PlatformKind
{
    /// <summary>工程技术研究中心</summary>
    EngineeringCentre = 1,
    /// <summary>重点实验室</summary>
    KeyLaboratory = 2,
    /// <summary>技术创新中心</summary>
    InnovationCentre = 3,
    /// <summary>产教融合实践中心 / 产业学院研发平台</summary>
    IndustryCollege = 4,
}

public sealed record RdPlatformDetails(string Name, PlatformKind Kind, IReadOnlyList<string> ClusterCodes, GeoPoint Location, string RegionCode);

/// <summary>An R&amp;D platform owned by a college or an enterprise.</summary>
public sealed class RdPlatform : IOwnedResource
{
    private RdPlatform() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public PlatformKind Kind { get; private set; }
    public List<string> ClusterCodes { get; private set; } = [];
    public GeoPoint Location { get; private set; } = new(0, 0);
    public string RegionCode { get; private set; } = "";
    public int Version { get; private set; }

    public static RdPlatform Create(Guid id, Guid organisationId, RdPlatformDetails details)
    {
        var platform = new RdPlatform { Id = id, OrganisationId = organisationId, Version = 1 };
        platform.Apply(details);
        return platform;
    }

    public void Edit(RdPlatformDetails details)
    {
        Apply(details);
        Version++;
    }

    private void Apply(RdPlatformDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainRuleException("name", "研发平台需要名称。");
        if (!Enum.IsDefined(d.Kind)) throw new DomainRuleException("kind", "未知的平台类型。");
        if (d.ClusterCodes.Count == 0) throw new DomainRuleException("clusterCodes", "研发平台至少服务一个产业集群。");
        Name = d.Name.Trim();
        Kind = d.Kind;
        ClusterCodes = d.ClusterCodes.Distinct(StringComparer.Ordinal).ToList();
        Location = d.Location;
        RegionCode = d.RegionCode;
    }
}
