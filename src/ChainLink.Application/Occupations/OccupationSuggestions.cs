namespace ChainLink.Application.Occupations;

/// <summary>Suggested occupations, best first.</summary>
public sealed record OccupationSuggestions(IReadOnlyList<OccupationSuggestion> Items);
