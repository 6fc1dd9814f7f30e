using ChainLink.Domain.Common;

namespace ChainLink.Domain.Matching;

/// <summary>A point on the map (a region's seat), in degrees.</summary>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Mean Earth radius (IUGG), in km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance by the haversine formula.</summary>
    public double DistanceKm(GeoPoint other)
    {
        var lat1 = Radians(Latitude);
        var lat2 = Radians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = Radians(other.Longitude - Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>The weights of the score's components and the constants of its parts; configuration (Matching:*), never code.</summary>
public sealed record MatchWeights(
    double Skills,
    double Distance,
    double Supply,
    double Level,
    double Text,
    double EssentialWeight,
    double OptionalWeight,
    double RelatedSkillCredit,
    double DistanceScaleKm)
{
    public static readonly MatchWeights Default = new(
        Skills: 0.5, Distance: 0.15, Supply: 0.15, Level: 0.1, Text: 0.1,
        EssentialWeight: 2, OptionalWeight: 1, RelatedSkillCredit: 0.5, DistanceScaleKm: 300);
}

/// <summary>A skill the demand side asks for.</summary>
public sealed record WantedSkill(string Code, bool Essential);

/// <summary>
/// What is being matched from the demand side: a stored demand, or an ad hoc query (which may lack a place, a level,
/// a headcount and a needed-by quarter — components that need them are then left out).
/// </summary>
public sealed record DemandProfile(
    IReadOnlyList<WantedSkill> Skills,
    GeoPoint? Location,
    EducationLevel? Level,
    int? Headcount,
    Quarter NeededBy);

/// <summary>A programme as ranking sees it: which modules teach which skill, where, at what level, graduates per year.</summary>
public sealed record ProgrammeProfile(
    IReadOnlyDictionary<string, IReadOnlyList<string>> ModulesBySkill,
    GeoPoint? Location,
    EducationLevel Level,
    IReadOnlyList<(int Year, int Graduates)> Cohorts);

/// <summary>The taxonomy's skill tree, for partial credit between a parent skill and its children.</summary>
public interface ISkillTree
{
    string? ParentOf(string skillCode);
}

/// <summary>How one wanted skill is covered: <see cref="Via"/> is the taught skill that earned the credit.</summary>
public sealed record SkillCoverage(string Code, bool Essential, double Credit, string? Via, IReadOnlyList<string> Modules);

/// <summary>One part of the score: <see cref="Value"/> in [0, 1], its configured weight, and what it adds to the total.</summary>
public sealed record ScoreComponent(double Value, double Weight, double Contribution);

public sealed record ScoreComponents(
    ScoreComponent Skills,
    ScoreComponent? Distance,
    ScoreComponent? Supply,
    ScoreComponent? Level,
    ScoreComponent? Text);

/// <summary>A scored pair with everything needed to explain it.</summary>
public sealed record MatchScore(
    double Total,
    ScoreComponents Components,
    IReadOnlyList<SkillCoverage> Covered,
    IReadOnlyList<WantedSkill> Missing,
    double? DistanceKm,
    int Graduates,
    int? GraduatesYear);

/// <summary>
/// The ranking score of a programme for a demand (docs/matching.md). Each component is in [0, 1]; the total is their
/// weighted mean over the components that apply (a query without a place has no distance component), with place, supply
/// and level scaled by the skill coverage, so it is in [0, 1] too.
/// </summary>
public static class MatchScoring
{
    /// <summary>Graduates finish in June–July, so a cohort of year Y is available from the third quarter of Y.</summary>
    public const int GraduationQuarter = 3;

    /// <param name="textRelevance">The candidate's text score divided by the best in its candidate set, or null when the query had no text.</param>
    public static MatchScore Score(DemandProfile demand, ProgrammeProfile programme, double? textRelevance, MatchWeights weights, ISkillTree tree)
    {
        var (skills, covered, missing) = SkillCoverageOf(demand.Skills, programme.ModulesBySkill, weights, tree);

        double? distanceKm = demand.Location is { } a && programme.Location is { } b ? a.DistanceKm(b) : null;
        double? distance = distanceKm is { } km ? Math.Exp(-km / weights.DistanceScaleKm) : null;

        var (graduates, year) = GraduatesBy(programme.Cohorts, demand.NeededBy);
        double? supply = demand.Headcount is { } headcount ? Math.Min(1, (double)graduates / headcount) : null;

        double? level = demand.Level is { } wanted ? LevelFit(wanted, programme.Level) : null;

        // Place, supply and level refine what the skills earned: they count in proportion to the skill coverage, so a
        // programme teaching none of the wanted skills cannot outrank one teaching some of them by being closer, and
        // they decide between programmes of comparable coverage. Without wanted skills there is nothing to refine.
        var refine = demand.Skills.Count > 0 ? skills : 1;
        var parts = new (double? Value, double Weight, double Factor)[]
        {
            (skills, weights.Skills, 1), (distance, weights.Distance, refine), (supply, weights.Supply, refine), (level, weights.Level, refine),
            (textRelevance, weights.Text, 1),
        };
        var weightSum = parts.Where(p => p.Value is not null).Sum(p => p.Weight);
        ScoreComponent? Component((double? Value, double Weight, double Factor) part) =>
            part.Value is { } v ? new ScoreComponent(v, part.Weight, weightSum > 0 ? v * part.Factor * part.Weight / weightSum : 0) : null;
        var components = new ScoreComponents(Component(parts[0])!, Component(parts[1]), Component(parts[2]), Component(parts[3]), Component(parts[4]));
        var total = new[] { components.Skills, components.Distance, components.Supply, components.Level, components.Text }.Sum(c => c?.Contribution ?? 0);
        return new MatchScore(total, components, covered, missing, distanceKm, graduates, year);
    }

    /// <summary>
    /// Weighted share of the wanted skills the programme teaches: a skill taught outright earns 1, a skill whose parent
    /// or child is taught earns <see cref="MatchWeights.RelatedSkillCredit"/>; essential skills weigh
    /// <see cref="MatchWeights.EssentialWeight"/>, optional ones <see cref="MatchWeights.OptionalWeight"/>.
    /// No wanted skills at all → 0 (nothing to cover; text relevance then carries the ranking).
    /// </summary>
    public static (double Value, IReadOnlyList<SkillCoverage> Covered, IReadOnlyList<WantedSkill> Missing) SkillCoverageOf(
        IReadOnlyList<WantedSkill> wanted, IReadOnlyDictionary<string, IReadOnlyList<string>> taught, MatchWeights weights, ISkillTree tree)
    {
        var covered = new List<SkillCoverage>();
        var missing = new List<WantedSkill>();
        double earned = 0, possible = 0;
        foreach (var skill in wanted)
        {
            var weight = skill.Essential ? weights.EssentialWeight : weights.OptionalWeight;
            possible += weight;
            if (taught.TryGetValue(skill.Code, out var modules))
            {
                covered.Add(new SkillCoverage(skill.Code, skill.Essential, 1, null, modules));
                earned += weight;
            }
            else if (RelatedTaught(skill.Code, taught, tree) is { } via)
            {
                covered.Add(new SkillCoverage(skill.Code, skill.Essential, weights.RelatedSkillCredit, via, taught[via]));
                earned += weight * weights.RelatedSkillCredit;
            }
            else
            {
                missing.Add(skill);
            }
        }
        return (possible > 0 ? earned / possible : 0, covered, missing);
    }

    /// <summary>The taught parent of the skill, else its first taught child (ordinal order, so the explanation is stable).</summary>
    private static string? RelatedTaught(string code, IReadOnlyDictionary<string, IReadOnlyList<string>> taught, ISkillTree tree)
    {
        if (tree.ParentOf(code) is { } parent && taught.ContainsKey(parent)) return parent;
        string? child = null;
        foreach (var candidate in taught.Keys)
            if (tree.ParentOf(candidate) == code && (child is null || string.CompareOrdinal(candidate, child) < 0)) child = candidate;
        return child;
    }

    /// <summary>
    /// The newest cohort that has graduated by the needed-by quarter (actual count once reported, else expected);
    /// older cohorts are assumed to be employed already.
    /// </summary>
    public static (int Graduates, int? Year) GraduatesBy(IReadOnlyList<(int Year, int Graduates)> cohorts, Quarter neededBy)
    {
        var lastYear = neededBy.Number >= GraduationQuarter ? neededBy.Year : neededBy.Year - 1;
        (int Graduates, int? Year) best = (0, null);
        foreach (var (year, graduates) in cohorts)
            if (year <= lastYear && (best.Year is null || year > best.Year)) best = (graduates, year);
        return best;
    }

    /// <summary>Same level 1; a programme one level above the wanted one 0.75 (over-qualified), one below 0.5; two apart 0.</summary>
    public static double LevelFit(EducationLevel wanted, EducationLevel offered) => (offered - wanted) switch
    {
        0 => 1,
        1 => 0.75,
        -1 => 0.5,
        _ => 0,
    };

    /// <summary>The levels a demand at <paramref name="wanted"/> retrieves: those with a level fit above zero.</summary>
    public static IReadOnlyCollection<EducationLevel> AcceptableLevels(EducationLevel wanted) =>
        Enum.GetValues<EducationLevel>().Where(l => LevelFit(wanted, l) > 0).ToList();
}
