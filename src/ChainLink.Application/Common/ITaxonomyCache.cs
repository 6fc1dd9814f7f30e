using ChainLink.Domain.Matching;

namespace ChainLink.Application.Common;

/// <summary>
/// The reference taxonomy held in memory: validators check codes and read models resolve names
/// without a query per field. Reference data changes rarely; <see cref="Invalidate"/> reloads it.
/// </summary>
public interface ITaxonomyCache : ISkillTree
{
    string? RegionName(string code);
    string? OccupationName(string code);
    string? MajorName(string code);
    string? SkillName(string code);
    string? ClusterName(string code);
    bool IsLeafOccupation(string code);

    /// <summary>The region's seat point, for distances between workplaces and campuses.</summary>
    GeoPoint? RegionSeat(string code);

    void Invalidate();
}

public static class TaxonomyCacheExtensions
{
    public static bool IsRegion(this ITaxonomyCache t, string code) => t.RegionName(code) is not null;
    public static bool IsMajor(this ITaxonomyCache t, string code) => t.MajorName(code) is not null;
    public static bool IsSkill(this ITaxonomyCache t, string code) => t.SkillName(code) is not null;
    public static bool IsCluster(this ITaxonomyCache t, string code) => t.ClusterName(code) is not null;
}
