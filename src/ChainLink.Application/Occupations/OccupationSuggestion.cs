namespace ChainLink.Application.Occupations;

/// <summary>One suggested 细类 with its score in [0, 1], why it was suggested (Chinese) and the skills it shares with the input.</summary>
public sealed record OccupationSuggestion(string Code, string Name, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Skills);
