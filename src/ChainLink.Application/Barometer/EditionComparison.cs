namespace ChainLink.Application.Barometer;

/// <summary>Counts of a comparison: cells only in the later revision, only in the earlier one, in both but different, and the same.</summary>
public sealed record ComparisonCounts(int Added, int Removed, int Changed, int Unchanged);

/// <summary>Two revisions of a quarter's edition and their differences cell by cell, in the order of the later revision's cells.</summary>
public sealed record EditionComparison(string Quarter, ComparedRevision From, ComparedRevision To, ComparisonCounts Counts, IReadOnlyList<CellDifference> Differences);
