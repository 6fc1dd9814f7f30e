using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;

namespace ChainLink.Domain.Tests.Barometer;

public sealed class DemandFactTests
{
    private static readonly DateTime Created = new(2026, 2, 10, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid User = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    private static Demand NewDemand() => Demand.Create(Guid.NewGuid(), Guid.NewGuid(),
        new DemandDetails("招聘电工", "", "6-31-01-03", "150200", 4, EducationLevel.HigherVocational, new Quarter(2026, 4), null, null,
            CooperationModes.Internship, [new DemandSkill("SK0002", true, 2), new DemandSkill("SK0010", false, 1)]), Created);

    [Fact]
    public void A_draft_has_no_fact()
    {
        Assert.Null(DemandFact.Of(NewDemand()));
    }

    [Fact]
    public void An_open_demand_has_its_opening_quarter_no_last_quarter_and_its_skills_in_order()
    {
        var demand = NewDemand();
        demand.Open(Created, User);
        var fact = DemandFact.Of(demand)!;
        Assert.Equal((demand.Id, demand.OrganisationId, "6-31-01-03", "150200"), (fact.DemandId, fact.OrganisationId, fact.OccupationCode, fact.RegionCode));
        Assert.Equal(new Quarter(2026, 1).Index, fact.FirstQuarter);
        Assert.Null(fact.LastQuarter);
        Assert.Equal(4, fact.Headcount);
        Assert.Equal("SK0002 SK0010", fact.SkillCodes);
    }

    [Theory]
    [InlineData("2026-04-01T00:00:00", 2026, 1)]          // closed at the first instant of Q2: last open in Q1
    [InlineData("2026-04-01T00:00:00.0000001", 2026, 2)]  // one tick later: open in Q2 too
    [InlineData("2026-09-30T23:59:59", 2026, 3)]
    public void A_closed_demand_was_last_open_in_the_quarter_of_the_instant_before_it_closed(string closedAt, int year, int quarter)
    {
        var demand = NewDemand();
        demand.Open(Created, User);
        demand.Close(DateTime.SpecifyKind(DateTime.Parse(closedAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), User);
        Assert.Equal(new Quarter(year, quarter).Index, DemandFact.Of(demand)!.LastQuarter);
    }

    [Fact]
    public void A_reopened_demand_keeps_its_first_opening_and_is_open_again()
    {
        var demand = NewDemand();
        demand.Open(Created, User);
        demand.Close(Created.AddDays(100), User);
        demand.Open(Created.AddDays(200), User);
        var fact = DemandFact.Of(demand)!;
        Assert.Equal(new Quarter(2026, 1).Index, fact.FirstQuarter);
        Assert.Null(fact.LastQuarter);
    }

    [Fact]
    public void A_fact_is_updated_only_from_a_fact_of_the_same_demand()
    {
        var first = NewDemand();
        var second = NewDemand();
        first.Open(Created, User);
        second.Open(Created, User);
        Assert.Throws<ArgumentException>(() => DemandFact.Of(first)!.Update(DemandFact.Of(second)!));
    }
}
