using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;

namespace ChainLink.Domain.Tests;

public sealed class DemandExpiryRulesTests
{
    // Created and opened 2026-11-25 (2026Q4), needed by 2027Q1.
    private static readonly DateTime Created = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Owner = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    private static Demand OpenDemand()
    {
        var details = new DemandDetails("招聘电工", "", "6-31-01-03", "150200", 3, EducationLevel.HigherVocational, new Quarter(2027, 1),
            5000, 8000, CooperationModes.Internship, [new DemandSkill("SK0002", true, 2)]);
        var demand = Demand.Create(Guid.NewGuid(), Guid.NewGuid(), details, Created);
        demand.Open(Created, Owner);
        return demand;
    }

    [Fact]
    public void The_expiry_is_the_start_of_the_quarter_after_the_needed_by_quarter_and_the_grace()
    {
        // Needed by 2027Q1 with 1 quarter of grace: open through 2027Q2, expired from 2027-07-01.
        Assert.Equal(new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc), Demand.ExpiryOf(new Quarter(2027, 1), 1));
        Assert.Equal(new DateTime(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc), Demand.ExpiryOf(new Quarter(2027, 1), 0));
    }

    [Fact]
    public void An_open_demand_expires_at_its_expiry_and_not_an_instant_before()
    {
        var demand = OpenDemand();
        var expiry = new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.False(demand.ExpireIfDue(expiry.AddTicks(-1), 1));
        Assert.Equal(DemandStatus.Open, demand.Status);

        // Noticed a month late, the open interval still ends at the expiry.
        Assert.True(demand.ExpireIfDue(expiry.AddMonths(1), 1));
        Assert.Equal(DemandStatus.Expired, demand.Status);
        Assert.Equal(expiry, demand.ClosedAt);
        Assert.Equal(Demand.System, demand.History[^1].ByUserId);
        // The barometer counts it through 2027Q2 and no longer.
        Assert.Equal(new Quarter(2027, 2).Index, DemandFact.Of(demand)!.LastQuarter);
    }

    [Fact]
    public void Only_an_open_demand_expires()
    {
        var demand = OpenDemand();
        demand.Close(Created.AddDays(1), Owner);
        Assert.False(demand.ExpireIfDue(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1));
        Assert.Equal(DemandStatus.Closed, demand.Status);
    }

    [Fact]
    public void Renewal_opens_an_expired_demand_with_its_new_needed_by_and_counts_it_open_again()
    {
        var demand = OpenDemand();
        var now = new DateTime(2027, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        demand.ExpireIfDue(now, 1);
        demand.Renew(new Quarter(2027, 4), now, Owner);
        Assert.Equal(DemandStatus.Open, demand.Status);
        Assert.Equal(new Quarter(2027, 4), demand.NeededBy);
        Assert.Null(demand.ClosedAt);
        Assert.Null(DemandFact.Of(demand)!.LastQuarter);
        Assert.False(demand.ExpireIfDue(now, 1));
    }

    [Fact]
    public void Renewing_a_demand_that_is_not_expired_is_refused_naming_its_state()
    {
        var demand = OpenDemand();
        var refused = Assert.Throws<TransitionNotAllowedException>(() => demand.Renew(new Quarter(2027, 4), Created, Owner));
        Assert.Contains("open", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renewal_needed_by_a_past_quarter_is_refused()
    {
        var demand = OpenDemand();
        var now = new DateTime(2027, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        demand.ExpireIfDue(now, 1);
        Assert.Throws<DomainRuleException>(() => demand.Renew(new Quarter(2027, 2), now, Owner));
    }
}
