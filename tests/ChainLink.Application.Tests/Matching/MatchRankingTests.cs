using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Domain.Matching;

namespace ChainLink.Application.Tests.Matching;

public sealed class MatchRankingTests
{
    private sealed class FlatTree : ISkillTree
    {
        public string? ParentOf(string skillCode) => null;
    }

    private static readonly GeoPoint Baotou = new(109.84, 40.66);
    private static readonly GeoPoint Hulunbuir = new(119.77, 49.21);
    private static readonly Quarter NeededBy = new(2026, 4);

    private static ProgrammeProfile Programme(GeoPoint where, int graduates, params string[] skills) => new(
        skills.ToDictionary(s => s, s => (IReadOnlyList<string>)[$"{s} 实训"], StringComparer.Ordinal), where, EducationLevel.HigherVocational, [(2026, graduates)]);

    private static List<RankedCandidate<T>> Rank<T>(Dictionary<Guid, T> items, Func<T, double?, MatchScore> score, params SearchCandidate[] candidates)
        where T : class =>
        MatchRanking.Rank(candidates, queryHasText: true, c => items.GetValueOrDefault(c.Id), score, top: 10);

    [Fact]
    public void A_nearby_programme_teaching_every_skill_outranks_a_distant_one_teaching_half()
    {
        var demand = new DemandProfile([new("SK1", true), new("SK2", true)], Baotou, EducationLevel.HigherVocational, 10, NeededBy);
        Guid full = Guid.NewGuid(), half = Guid.NewGuid();
        var programmes = new Dictionary<Guid, ProgrammeProfile>
        {
            [full] = Programme(Baotou, 30, "SK1", "SK2"),
            [half] = Programme(Hulunbuir, 30, "SK1"),
        };

        // The index put the half match first (better text score); ranking must put the full one first.
        var ranked = Rank(programmes, (p, text) => MatchScoring.Score(demand, p, text, MatchWeights.Default, new FlatTree()),
            new SearchCandidate(half, 9, 1), new SearchCandidate(full, 3, 2));

        Assert.Equal([full, half], ranked.Select(r => r.Candidate.Id));
        Assert.Equal(1, ranked[0].Score.Components.Skills.Value);
        Assert.Equal(0.5, ranked[1].Score.Components.Skills.Value);
        Assert.True(ranked[1].Score.DistanceKm > 1000);
        // Text relevance is normalised within the candidate set: the best text score becomes 1.
        Assert.Equal(1, ranked[1].Score.Components.Text!.Value);
        Assert.Equal(3.0 / 9, ranked[0].Score.Components.Text!.Value, 9);
    }

    [Fact]
    public void Graduates_decide_between_programmes_otherwise_equal()
    {
        var demand = new DemandProfile([new("SK1", true)], Baotou, EducationLevel.HigherVocational, 40, NeededBy);
        Guid many = Guid.NewGuid(), few = Guid.NewGuid();
        var programmes = new Dictionary<Guid, ProgrammeProfile> { [many] = Programme(Baotou, 40, "SK1"), [few] = Programme(Baotou, 4, "SK1") };

        var ranked = Rank(programmes, (p, text) => MatchScoring.Score(demand, p, text, MatchWeights.Default, new FlatTree()),
            new SearchCandidate(few, 1, 1), new SearchCandidate(many, 1, 1));

        Assert.Equal([many, few], ranked.Select(r => r.Candidate.Id));
        Assert.Equal(0.1, ranked[1].Score.Components.Supply!.Value, 9);
    }

    [Fact]
    public void For_a_programme_the_demand_it_can_staff_outranks_one_asking_for_skills_it_does_not_teach()
    {
        var programme = Programme(Baotou, 50, "SK1", "SK2");
        Guid fits = Guid.NewGuid(), misfit = Guid.NewGuid();
        var demands = new Dictionary<Guid, DemandProfile>
        {
            [fits] = new([new("SK1", true), new("SK2", false)], Baotou, EducationLevel.HigherVocational, 20, NeededBy),
            [misfit] = new([new("SK1", false), new("SK9", true), new("SK8", true)], Baotou, EducationLevel.HigherVocational, 20, NeededBy),
        };

        var ranked = Rank(demands, (d, text) => MatchScoring.Score(d, programme, text, MatchWeights.Default, new FlatTree()),
            new SearchCandidate(misfit, 5, 1), new SearchCandidate(fits, 5, 2));

        Assert.Equal([fits, misfit], ranked.Select(r => r.Candidate.Id));
        Assert.Equal(["SK9", "SK8"], ranked[1].Score.Missing.Select(m => m.Code));
    }

    [Fact]
    public void Candidates_that_cannot_be_resolved_are_skipped_and_ties_order_by_id()
    {
        var demand = new DemandProfile([new("SK1", true)], null, null, null, NeededBy);
        var ids = new[] { Guid.Parse("00000000-0000-0000-0000-00000000000b"), Guid.Parse("00000000-0000-0000-0000-00000000000a") };
        var programmes = ids.ToDictionary(id => id, _ => Programme(Baotou, 1, "SK1"));

        var ranked = MatchRanking.Rank([new SearchCandidate(ids[0], 0, 1), new SearchCandidate(Guid.NewGuid(), 0, 1), new SearchCandidate(ids[1], 0, 1)],
            queryHasText: false, c => programmes.GetValueOrDefault(c.Id),
            (p, text) => MatchScoring.Score(demand, p, text, MatchWeights.Default, new FlatTree()), top: 10);

        Assert.Equal([ids[1], ids[0]], ranked.Select(r => r.Candidate.Id));
        Assert.Null(ranked[0].Score.Components.Text);
    }
}
