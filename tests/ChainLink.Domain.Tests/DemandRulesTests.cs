using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;

namespace ChainLink.Domain.Tests;

public sealed class DemandRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);

    private static DemandDetails Details(int headcount = 3, Quarter? neededBy = null, IReadOnlyList<DemandSkill>? skills = null) =>
        new("招聘电工", "", "6-31-01-03", "150200", headcount, EducationLevel.HigherVocational, neededBy ?? new Quarter(2027, 1),
            5000, 8000, CooperationModes.Internship, skills ?? [new DemandSkill("SK0002", true, 2)]);

    [Fact]
    public void A_new_demand_is_a_draft_at_version_one()
    {
        var demand = Demand.Create(Guid.NewGuid(), Guid.NewGuid(), Details(), Now);
        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Equal(1, demand.Version);
    }

    [Fact]
    public void Every_change_moves_the_version_and_the_history()
    {
        var demand = Demand.Create(Guid.NewGuid(), Guid.NewGuid(), Details(), Now);
        demand.Open(Now, Guid.Empty);
        demand.Close(Now.AddDays(1), Guid.Empty);
        demand.Open(Now.AddDays(2), Guid.Empty);
        Assert.Equal(4, demand.Version);
        Assert.Equal([DemandStatus.Open, DemandStatus.Closed, DemandStatus.Open], demand.History.Select(h => h.To));
        Assert.Equal(Now, demand.OpenedAt);
        Assert.Null(demand.ClosedAt);
    }

    [Fact]
    public void A_filled_demand_can_be_neither_edited_nor_reopened()
    {
        var demand = Demand.Create(Guid.NewGuid(), Guid.NewGuid(), Details(), Now);
        demand.Open(Now, Guid.Empty);
        demand.MarkFilled(Now, Guid.Empty);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => demand.Edit(Details(), Now)).Field);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => demand.Open(Now, Guid.Empty)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Headcount_outside_its_range_is_refused(int headcount) =>
        Assert.Equal("headcount", Assert.Throws<DomainRuleException>(() => Demand.Create(Guid.NewGuid(), Guid.NewGuid(), Details(headcount), Now)).Field);

    [Fact]
    public void Needed_by_before_the_creation_quarter_is_refused() =>
        Assert.Equal("neededBy", Assert.Throws<DomainRuleException>(() => Demand.Create(Guid.NewGuid(), Guid.NewGuid(), Details(neededBy: new Quarter(2026, 3)), Now)).Field);

    [Fact]
    public void A_skill_listed_twice_is_refused() =>
        Assert.Equal("skills", Assert.Throws<DomainRuleException>(() => Demand.Create(Guid.NewGuid(), Guid.NewGuid(),
            Details(skills: [new DemandSkill("SK0002", true, 2), new DemandSkill("SK0002", false, 1)]), Now)).Field);
}
