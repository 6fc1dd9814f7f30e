using System.ComponentModel.DataAnnotations;
using ChainLink.Domain.Matching;

namespace ChainLink.Application.Matching;

/// <summary>The ranking's weights and constants (docs/matching.md), bound from <c>Matching:*</c> and validated at start.</summary>
public sealed class MatchingOptions : IValidatableObject
{
    public const string Section = "Matching";

    [Range(0, 100)] public double SkillsWeight { get; set; } = MatchWeights.Default.Skills;
    [Range(0, 100)] public double DistanceWeight { get; set; } = MatchWeights.Default.Distance;
    [Range(0, 100)] public double SupplyWeight { get; set; } = MatchWeights.Default.Supply;
    [Range(0, 100)] public double LevelWeight { get; set; } = MatchWeights.Default.Level;
    [Range(0, 100)] public double TextWeight { get; set; } = MatchWeights.Default.Text;

    /// <summary>Weight of an essential skill in the coverage share (an optional one weighs <see cref="OptionalSkillWeight"/>).</summary>
    [Range(0.01, 100)] public double EssentialSkillWeight { get; set; } = MatchWeights.Default.EssentialWeight;
    [Range(0, 100)] public double OptionalSkillWeight { get; set; } = MatchWeights.Default.OptionalWeight;

    /// <summary>Credit for a wanted skill whose parent or child skill is taught (a skill taught outright earns 1).</summary>
    [Range(0, 1)] public double RelatedSkillCredit { get; set; } = MatchWeights.Default.RelatedSkillCredit;

    /// <summary>Distance at which proximity has decayed to 1/e (≈ 0.37).</summary>
    [Range(1, 20_000)] public double DistanceScaleKm { get; set; } = MatchWeights.Default.DistanceScaleKm;

    /// <summary>How many candidates the index returns for ranking; the ranked top is taken from them.</summary>
    [Range(100, 5000)] public int CandidatePoolSize { get; set; } = 200;

    /// <summary>A match whose total score is at least this is a good match (the count on the owner's lists; docs/matching.md).</summary>
    [Range(0.01, 1)] public double GoodMatchScore { get; set; } = 0.6;

    public MatchWeights Weights => new(SkillsWeight, DistanceWeight, SupplyWeight, LevelWeight, TextWeight,
        EssentialSkillWeight, OptionalSkillWeight, RelatedSkillCredit, DistanceScaleKm);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SkillsWeight + TextWeight <= 0)
            yield return new ValidationResult("Matching:SkillsWeight or Matching:TextWeight must be above 0, or nothing ranks.", [nameof(SkillsWeight)]);
    }
}
