using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;

namespace ChainLink.Application.Matching;

/// <summary>One part of the score: its value in [0, 1], its configured weight, and what it adds to the total.</summary>
public sealed record ScoreComponentDto(double Value, double Weight, double Contribution);

/// <summary>The total and every component; a component is null when it does not apply (e.g. no place given).</summary>
public sealed record ScoreDto(
    double Total,
    ScoreComponentDto Skills,
    ScoreComponentDto? Distance,
    ScoreComponentDto? Supply,
    ScoreComponentDto? Level,
    ScoreComponentDto? Text);

/// <param name="Credit">1 when the skill itself is taught; the related-skill credit when only <paramref name="ViaCode"/> (its parent or child) is.</param>
/// <param name="Modules">The modules that teach it (for majors: where the link comes from).</param>
public sealed record CoveredSkillDto(string Code, string? Name, bool Essential, double Credit, string? ViaCode, string? ViaName, IReadOnlyList<string> Modules);

public sealed record MissingSkillDto(string Code, string? Name, bool Essential);

/// <summary>Why a result ranks where it does.</summary>
/// <param name="Graduates">Graduates of the newest cohort that has graduated by the needed-by quarter (actual once reported, else expected).</param>
/// <param name="SharedSkills">Skill codes the index found in common (retrieval), before partial credit.</param>
public sealed record MatchExplanation(
    ScoreDto Score,
    IReadOnlyList<CoveredSkillDto> CoveredSkills,
    IReadOnlyList<MissingSkillDto> MissingSkills,
    double? DistanceKm,
    int Graduates,
    int? GraduatesYear,
    int SharedSkills)
{
    internal static MatchExplanation From(MatchScore score, int sharedSkills, ITaxonomyCache taxonomy) => new(
        new ScoreDto(Round(score.Total), Component(score.Components.Skills)!, Component(score.Components.Distance),
            Component(score.Components.Supply), Component(score.Components.Level), Component(score.Components.Text)),
        score.Covered.Select(c => new CoveredSkillDto(c.Code, taxonomy.SkillName(c.Code), c.Essential, c.Credit, c.Via,
            c.Via is null ? null : taxonomy.SkillName(c.Via), c.Modules)).ToList(),
        score.Missing.Select(m => new MissingSkillDto(m.Code, taxonomy.SkillName(m.Code), m.Essential)).ToList(),
        score.DistanceKm is { } km ? Math.Round(km, 1) : null,
        score.Graduates,
        score.GraduatesYear,
        sharedSkills);

    private static ScoreComponentDto? Component(ScoreComponent? c) =>
        c is null ? null : new ScoreComponentDto(Round(c.Value), c.Weight, Round(c.Contribution));

    private static double Round(double value) => Math.Round(value, 4);
}

/// <summary>A programme ranked for a demand or a query: the college's public programme data, no contact details.</summary>
public sealed record ProgrammeMatch(
    int Rank,
    Guid ProgrammeId,
    string Name,
    string MajorCode,
    string? MajorName,
    EducationLevel Level,
    Guid CollegeId,
    string CollegeName,
    string CampusRegionCode,
    string? CampusRegionName,
    MatchExplanation Explanation)
{
    /// <summary>The explanation in plain Chinese sentences (<see cref="MatchSentences"/>).</summary>
    public IReadOnlyList<string> Sentences => MatchSentences.For(Explanation);
}

/// <summary>An open demand ranked for a programme; the enterprise's contact details are not part of it.</summary>
public sealed record DemandMatch(
    int Rank,
    Guid DemandId,
    string Title,
    string OccupationCode,
    string? OccupationName,
    EducationLevel Level,
    int Headcount,
    string NeededBy,
    Guid EnterpriseId,
    string EnterpriseName,
    string RegionCode,
    string? RegionName,
    MatchExplanation Explanation)
{
    /// <summary>The explanation in plain Chinese sentences (<see cref="MatchSentences"/>).</summary>
    public IReadOnlyList<string> Sentences => MatchSentences.For(Explanation);
}

/// <summary>A skill the match was computed for, and where it came from ("text" when the extractor found it, with the words).</summary>
public sealed record BasisSkill(string Code, string? Name, bool Essential, string Source, string? MatchedText);

/// <summary>What the results were matched on.</summary>
/// <param name="TextUsed">Whether free text took part in retrieval and ranking.</param>
/// <param name="NoSkillRecognised">True when the text named no taxonomy skill and no skills were given: results rank on text alone.</param>
/// <param name="Candidates">How many candidates the index returned before ranking.</param>
public sealed record MatchBasis(IReadOnlyList<BasisSkill> Skills, bool TextUsed, bool NoSkillRecognised, string? Note, int Candidates);

public sealed record MatchList<T>(MatchBasis Basis, IReadOnlyList<T> Results);

/// <summary>A major of the national catalogue with the skills behind its rank.</summary>
/// <param name="Coverage">Weighted share of the wanted skills linked to the major (same rules as programme skill coverage).</param>
public sealed record MajorMatch(
    int Rank,
    string MajorCode,
    string MajorName,
    string Level,
    double Coverage,
    IReadOnlyList<CoveredSkillDto> CoveredSkills,
    IReadOnlyList<MissingSkillDto> MissingSkills);
