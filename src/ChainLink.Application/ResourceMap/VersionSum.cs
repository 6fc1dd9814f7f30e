namespace ChainLink.Application.ResourceMap;

/// <summary>How many rows a table holds and the sum of their versions: either grows with every insert or edit.</summary>
internal sealed record VersionSum(int Rows, long Versions);
