using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;

namespace ChainLink.Domain.Tests;

public sealed class MatchScoringTests
{
    /// <summary>SK_C1 is a child of SK_C; nothing else has a parent.</summary>
    private sealed class Tree : ISkillTree
    {
        public string? ParentOf(string skillCode) => skillCode == "SK_C1" ? "SK_C" : null;
    }

    private static readonly ISkillTree Skills = new Tree();
    private static readonly GeoPoint Here = new(110, 40);

    private static Dictionary<string, IReadOnlyList<string>> Taught(params string[] codes) =>
        codes.ToDictionary(c => c, c => (IReadOnlyList<string>)[$"Module {c}"], StringComparer.Ordinal);

    [Fact]
    public void One_degree_of_longitude_on_the_equator_is_111_2_km()
    {
        // 6371.0088 km × π / 180 = 111.1951 km
        Assert.Equal(111.1951, new GeoPoint(0, 0).DistanceKm(new GeoPoint(1, 0)), 4);
        Assert.Equal(0, Here.DistanceKm(Here), 9);
    }

    [Fact]
    public void Coverage_weighs_essential_skills_double_and_gives_half_credit_for_a_taught_child_skill()
    {
        WantedSkill[] wanted = [new("SK_A", true), new("SK_B", false), new("SK_C", true)];
        var (value, covered, missing) = MatchScoring.SkillCoverageOf(wanted, Taught("SK_A", "SK_C1"), MatchWeights.Default, Skills);

        // earned 2 (A) + 0 (B) + 2 × 0.5 (C via its child C1) = 3 of 2 + 1 + 2 = 5
        Assert.Equal(0.6, value, 9);
        Assert.Equal(["SK_A", "SK_C"], covered.Select(c => c.Code));
        Assert.Equal(1, covered[0].Credit);
        Assert.Null(covered[0].Via);
        Assert.Equal(0.5, covered[1].Credit);
        Assert.Equal("SK_C1", covered[1].Via);
        Assert.Equal(["Module SK_C1"], covered[1].Modules);
        Assert.Equal("SK_B", Assert.Single(missing).Code);
    }

    [Fact]
    public void A_taught_parent_skill_counts_partly_for_a_wanted_child_skill()
    {
        var (value, covered, _) = MatchScoring.SkillCoverageOf([new WantedSkill("SK_C1", false)], Taught("SK_C"), MatchWeights.Default, Skills);
        Assert.Equal(0.5, value, 9);
        Assert.Equal("SK_C", Assert.Single(covered).Via);
    }

    [Theory]
    [InlineData(2026, 2, 2025, 40)] // the 2026 cohort graduates in the third quarter, after 2026Q2
    [InlineData(2026, 3, 2026, 50)]
    [InlineData(2030, 1, 2027, 60)] // the newest cohort graduated by then
    public void Graduates_are_those_of_the_newest_cohort_graduated_by_the_needed_by_quarter(int year, int quarter, int cohortYear, int graduates)
    {
        (int, int)[] cohorts = [(2025, 40), (2026, 50), (2027, 60)];
        Assert.Equal((graduates, (int?)cohortYear), MatchScoring.GraduatesBy(cohorts, new Quarter(year, quarter)));
    }

    [Fact]
    public void No_cohort_graduated_yet_means_no_graduates()
    {
        Assert.Equal((0, (int?)null), MatchScoring.GraduatesBy([(2027, 60)], new Quarter(2026, 4)));
    }

    [Theory]
    [InlineData(EducationLevel.HigherVocational, EducationLevel.HigherVocational, 1)]
    [InlineData(EducationLevel.HigherVocational, EducationLevel.VocationalBachelor, 0.75)]
    [InlineData(EducationLevel.HigherVocational, EducationLevel.SecondaryVocational, 0.5)]
    [InlineData(EducationLevel.SecondaryVocational, EducationLevel.VocationalBachelor, 0)]
    public void Level_fit_prefers_the_same_level_then_one_above(EducationLevel wanted, EducationLevel offered, double fit)
    {
        Assert.Equal(fit, MatchScoring.LevelFit(wanted, offered));
    }

    [Fact]
    public void Total_is_the_weighted_mean_of_every_component()
    {
        var demand = new DemandProfile([new WantedSkill("SK_A", true)], Here, EducationLevel.HigherVocational, 100, new Quarter(2026, 4));
        var programme = new ProgrammeProfile(Taught("SK_A"), Here, EducationLevel.HigherVocational, [(2026, 50)]);

        var score = MatchScoring.Score(demand, programme, textRelevance: 0.5, MatchWeights.Default, Skills);

        // 0.5 × 1 (skills) + 0.15 × 1 (0 km) + 0.15 × 50/100 (supply) + 0.1 × 1 (level) + 0.1 × 0.5 (text) = 0.875
        Assert.Equal(0.875, score.Total, 9);
        Assert.Equal(0.075, score.Components.Supply!.Contribution, 9);
        Assert.Equal(0.5, score.Components.Supply.Value, 9);
        Assert.Equal(0, score.DistanceKm!.Value, 9);
        Assert.Equal((50, 2026), (score.Graduates, score.GraduatesYear!.Value));
    }

    [Fact]
    public void Distance_decays_to_one_over_e_at_the_scale()
    {
        var far = new GeoPoint(110 + MatchWeights.Default.DistanceScaleKm / 111.1951, 0);
        var demand = new DemandProfile([], new GeoPoint(110, 0), null, null, new Quarter(2026, 4));
        var programme = new ProgrammeProfile(Taught(), far, EducationLevel.HigherVocational, []);
        var score = MatchScoring.Score(demand, programme, null, MatchWeights.Default, Skills);
        Assert.Equal(Math.Exp(-1), score.Components.Distance!.Value, 4);
    }

    [Fact]
    public void Components_that_do_not_apply_are_left_out_and_the_rest_reweighted()
    {
        // An ad hoc query: no place, no level, no headcount, no text — only skill coverage is left, so it is the total.
        var demand = new DemandProfile([new WantedSkill("SK_A", true), new WantedSkill("SK_B", true)], null, null, null, new Quarter(2026, 4));
        var programme = new ProgrammeProfile(Taught("SK_A"), Here, EducationLevel.HigherVocational, [(2026, 50)]);

        var score = MatchScoring.Score(demand, programme, null, MatchWeights.Default, Skills);

        Assert.Equal(0.5, score.Total, 9);
        Assert.Null(score.Components.Distance);
        Assert.Null(score.Components.Supply);
        Assert.Null(score.Components.Level);
        Assert.Null(score.Components.Text);
        Assert.Equal(0.5, score.Components.Skills.Contribution, 9);
    }

    [Fact]
    public void A_programme_teaching_none_of_the_skills_does_not_outrank_one_teaching_some_by_being_closer()
    {
        // Three essential skills, 10 people by 2026Q4, at the demand's seat; weights 0.5 / 0.15 / 0.15 / 0.1 (no text: Σ 0.9).
        var demand = new DemandProfile([new WantedSkill("SK_A", true), new WantedSkill("SK_B", true), new WantedSkill("SK_C", true)],
            Here, EducationLevel.HigherVocational, 10, new Quarter(2026, 4));
        var fiveDegreesNorth = new GeoPoint(Here.Longitude, Here.Latitude + 5); // 6371.0088 × 5π/180 = 555.9754 km
        ProgrammeProfile Programme(GeoPoint at, params string[] taught) =>
            new(Taught(taught), at, EducationLevel.VocationalBachelor, [(2026, 2)]); // level fit 0.75, supply 2/10

        var nextDoorTeachingNone = MatchScoring.Score(demand, new ProgrammeProfile(Taught("SK_X"), Here, EducationLevel.HigherVocational, [(2026, 10)]),
            null, MatchWeights.Default, Skills);
        var farTeachingOne = MatchScoring.Score(demand, Programme(fiveDegreesNorth, "SK_A"), null, MatchWeights.Default, Skills);
        var nearTeachingOne = MatchScoring.Score(demand, Programme(Here, "SK_A"), null, MatchWeights.Default, Skills);
        var farTeachingTwo = MatchScoring.Score(demand, Programme(fiveDegreesNorth, "SK_A", "SK_B"), null, MatchWeights.Default, Skills);

        // 0 km, every graduate needed, same level — but coverage 0, so place, supply and level add nothing (before: 0.4/0.9 = 0.4444).
        Assert.Equal(0, nextDoorTeachingNone.Total, 9);
        Assert.Equal(1, nextDoorTeachingNone.Components.Distance!.Value, 9);
        // (0.5 × 1/3 + 1/3 × (0.15 × e^(−555.9754/300) + 0.15 × 0.2 + 0.1 × 0.75)) / 0.9 = (0.166667 + 1/3 × 0.128509) / 0.9 = 0.2328 (before: 0.3280)
        Assert.Equal(0.2328, farTeachingOne.Total, 4);
        Assert.Equal(0.15 * 0.156727 / 3 / 0.9, farTeachingOne.Components.Distance!.Contribution, 6);
        // Within the same coverage, the nearer one ranks first: (0.166667 + 1/3 × (0.15 + 0.03 + 0.075)) / 0.9 = 0.2796.
        Assert.Equal(0.2796, nearTeachingOne.Total, 4);
        // Twice the coverage, twice the refinement: (0.333333 + 2/3 × 0.128509) / 0.9 = 0.4656.
        Assert.Equal(0.4656, farTeachingTwo.Total, 4);
    }
}
