using ChainLink.Domain.Common;

namespace ChainLink.Application.Demands;

/// <summary>
/// A demand's fields as read from a pasted ad, for the person to check before posting; nothing is saved. Empty where
/// the text says nothing; <see cref="Guesses"/> says where each filled field came from.
/// </summary>
/// <param name="NeededBy">A quarter such as 2027Q3, never in the past.</param>
/// <param name="UnknownTerms">Words that look like skills but are not in the taxonomy.</param>
public sealed record DemandDraft(
    string Title,
    string Description,
    IReadOnlyList<DraftSkill> Skills,
    IReadOnlyList<string> UnknownTerms,
    string? RegionCode,
    EducationLevel? EducationLevel,
    int? Headcount,
    string? NeededBy,
    int? SalaryMin,
    int? SalaryMax,
    IReadOnlyList<DraftGuess> Guesses);
