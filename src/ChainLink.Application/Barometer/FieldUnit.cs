namespace ChainLink.Application.Barometer;

/// <summary>The unit of one figure of an edition: a stable key for scripts and what it means, in Chinese, for people.</summary>
public sealed record FieldUnit(string Unit, string Description);
