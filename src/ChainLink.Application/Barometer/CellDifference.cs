using ChainLink.Domain.Barometer;

namespace ChainLink.Application.Barometer;

public enum CellChange
{
    Added,
    Removed,
    Changed,
}

/// <summary>A cell present in only one revision, or in both with different fields (only those are listed).</summary>
public sealed record CellDifference(SegmentType SegmentType, string Code, string? RegionCode, string Name, CellChange Change, IReadOnlyList<FieldChange> Fields);
