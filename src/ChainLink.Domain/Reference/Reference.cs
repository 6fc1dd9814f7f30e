namespace ChainLink.Domain.Reference;

/// <summary>GB/T 2260 division with its seat point (GCJ-02, like most Chinese boundary files).</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public required string DivisionType { get; init; }
    public string? ParentCode { get; init; }
    public double Longitude { get; init; }
    public double Latitude { get; init; }
}

/// <summary>专业大类 (2 digits) or 专业类 (4 digits) of the vocational major catalogue.</summary>
public sealed class MajorCategory
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? ParentCode { get; init; }
}

/// <summary>A major of 《职业教育专业目录》; codes ending in K are nationally controlled.</summary>
public sealed class Major
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public required string CategoryCode { get; init; }
    public required string DivisionCode { get; init; }
    public bool NationalControl { get; init; }
    public int? FirstEnrollmentYear { get; init; }
}

/// <summary>A node of the 2022 occupation classification (大类, 中类, 小类 or 细类).</summary>
public sealed class Occupation
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Level { get; init; }
    public string? ParentCode { get; init; }
    public bool Green { get; init; }
    public bool Digital { get; init; }
}

/// <summary>A skill concept of ChainLink's taxonomy: curated, or derived by seed/build_taxonomy.py from a named source.</summary>
public sealed class Skill
{
    public const int SourcesMaxLength = 80;

    public required string Code { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public string? ParentCode { get; init; }
    public SkillType Type { get; init; } = SkillType.Skill;

    /// <summary>Where the concept comes from, '|'-separated keys of seed/README.md (course, ability, onet, curated …).</summary>
    public string Sources { get; init; } = "";

    public List<SkillAlias> Aliases { get; init; } = [];
}

public sealed class SkillAlias
{
    public int Id { get; init; }
    public required string SkillCode { get; init; }
    public required string Text { get; init; }
}

/// <summary>An industry cluster of the demo region, curated by ChainLink.</summary>
public sealed class IndustryCluster
{
    public required string Code { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public required string Description { get; init; }
}

public sealed record MajorSkill(string MajorCode, string SkillCode, int Level);

public sealed record OccupationSkill(string OccupationCode, string SkillCode, bool Essential);

/// <param name="Weight">Trust of the link: the sum over the sources naming it (teaching standard and profile 3 each,
/// ChainLink curation 2, the broad 2023 guideline 1).</param>
public sealed record MajorOccupation(string MajorCode, string OccupationCode, int Weight)
{
    /// <summary>The weight from which a link is trusted to carry skills (not the broad guideline alone).</summary>
    public const int TrustedWeight = 2;
}

public sealed record ClusterRegion(string ClusterCode, string RegionCode, int Weight);

public sealed record ClusterOccupation(string ClusterCode, string OccupationCode, int Weight);

public sealed record ClusterMajor(string ClusterCode, string MajorCode, int Weight);
