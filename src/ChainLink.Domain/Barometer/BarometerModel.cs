using System.Text.Json.Serialization;

namespace ChainLink.Domain.Barometer;

public enum SegmentType
{
    Occupation,
    Skill,
    Cluster,
    Region,
    OccupationRegion,
    ClusterRegion,
}

public enum Band
{
    Shortage,
    Tight,
    Balanced,
    Surplus,
}

public enum BarometerWarning
{
    EnteredShortage,
    EnteredSurplus,
}

/// <summary>The rules of one computation; every threshold comes from configuration.</summary>
public sealed record BarometerSettings(
    int MinimumContributors,
    double DominanceShare,
    double SurplusBelow,
    double TightFrom,
    double ShortageFrom,
    int ForecastMinimumQuarters)
{
    public static readonly BarometerSettings Default = new(3, 0.85, 0.67, 1.5, 4.0, 8);

    /// <summary>Ratio below <see cref="SurplusBelow"/> is surplus, from <see cref="TightFrom"/> tight, from <see cref="ShortageFrom"/> shortage.</summary>
    public Band BandOf(double ratio) =>
        ratio >= ShortageFrom ? Band.Shortage
        : ratio >= TightFrom ? Band.Tight
        : ratio >= SurplusBelow ? Band.Balanced
        : Band.Surplus;
}

public sealed record CohortGraduates(int Year, int Graduates);

/// <summary>A programme as the barometer sees it: where, which major, how many graduate when, which skills it teaches.</summary>
public sealed record ProgrammeSupply(Guid OrganisationId, string MajorCode, string CampusRegionCode, IReadOnlyList<CohortGraduates> Cohorts, IReadOnlyList<string> SkillCodes);

/// <summary>Names and links of the taxonomy the segments are built on.</summary>
public sealed record BarometerReference(
    IReadOnlyDictionary<string, string> OccupationNames,
    IReadOnlyDictionary<string, string> SkillNames,
    IReadOnlyDictionary<string, string> ClusterNames,
    IReadOnlyDictionary<string, (string Name, string? ParentCode)> Regions,
    ILookup<string, string> OccupationsOfMajor,
    ILookup<string, string> ClustersOfOccupation,
    ILookup<string, string> ClustersOfMajor,
    ILookup<string, string> RegionsOfCluster);

public sealed record BarometerInput(
    DemandRows Demands,
    IReadOnlyList<ProgrammeSupply> Programmes,
    BarometerReference Reference);

public sealed record SourceCounts(int Demands, int Enterprises, int Programmes, int Colleges);

public readonly record struct HistoryPoint(string Quarter, double? Demand, double? Supply, double? Ratio);

public readonly record struct ForecastPoint(string Quarter, double Ratio, double Lower, double Upper);

public sealed record BarometerCell(
    SegmentType SegmentType,
    string Code,
    string Name,
    string? RegionCode,
    string? RegionName,
    double? Demand,
    double? Supply,
    double? Ratio,
    Band? Band,
    double? ChangeOnQuarter,
    double? ChangeOnYear,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<ForecastPoint> Forecast,
    BarometerWarning? Warning,
    bool Suppressed,
    string? SuppressionReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ForecastMethod? ForecastMethod,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WarningComparedWith);

public sealed record BarometerResult(Common.Quarter Quarter, SourceCounts SourceCounts, IReadOnlyList<BarometerCell> Cells);
