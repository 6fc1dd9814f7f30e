namespace ChainLink.Api.Endpoints;

/// <summary>The body of a state change: the version last read, and the reason where one is asked for (decline, suspend, end, dispute).</summary>
public sealed record VersionAndReason(int Version, string? Reason);
