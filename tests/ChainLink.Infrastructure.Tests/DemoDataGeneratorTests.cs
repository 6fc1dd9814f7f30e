using ChainLink.Application.ResourceMap;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Infrastructure.Seed;

namespace ChainLink.Infrastructure.Tests;

public sealed class DemoDataGeneratorTests
{
    private static readonly SeedFiles Files = new(Path.Combine(AppContext.BaseDirectory, "seed"));
    private static readonly Quarter Anchor = new(2026, 4);
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Same_seed_scale_and_anchor_give_the_same_data()
    {
        var a = new DemoDataGenerator(Files, 1, Anchor, Now).Generate();
        var b = new DemoDataGenerator(Files, 1, Anchor, Now).Generate();
        Assert.Equal(a.Demands.Select(d => (d.Id, d.Title, d.Headcount, d.CreatedAt, d.Status)), b.Demands.Select(d => (d.Id, d.Title, d.Headcount, d.CreatedAt, d.Status)));
        Assert.Equal(a.Programmes.Select(p => (p.Id, p.MajorCode)), b.Programmes.Select(p => (p.Id, p.MajorCode)));
    }

    [Fact]
    public void Demo_cooperations_are_deterministic_synthetic_and_leave_the_earlier_data_unchanged()
    {
        var set = new DemoDataGenerator(Files, 1, Anchor, Now).Generate();
        var before = set.Demands.Select(d => (d.Id, d.Headcount)).ToList();
        var a = new DemoCooperationGenerator(set, DemoDataGenerator.DefaultSeed, Now).Generate();
        var b = new DemoCooperationGenerator(set, DemoDataGenerator.DefaultSeed, Now).Generate();
        Assert.Equal(before, set.Demands.Select(d => (d.Id, d.Headcount)));
        Assert.Equal(a.Proposals.Select(p => (p.Id, p.Status, p.CreatedAt)), b.Proposals.Select(p => (p.Id, p.Status, p.CreatedAt)));
        Assert.Equal(a.Outcomes.Select(o => (o.Id, o.Kind, o.Quantity, o.Status)), b.Outcomes.Select(o => (o.Id, o.Kind, o.Quantity, o.Status)));
        Assert.Equal(DemoCooperationGenerator.CooperationsPerScale, a.Proposals.Count);
        Assert.All(a.Outcomes, o => Assert.Equal("合成演示数据", o.Note));
        Assert.All(a.Proposals, p => Assert.EndsWith("（演示）", p.Message, StringComparison.Ordinal));
        Assert.Contains(a.Outcomes, o => o.Status == Domain.Cooperation.ReportStatus.Confirmed && o.DisputeCount == 1);
        Assert.All(a.Investments.Concat<Domain.Cooperation.PartyReport>(a.Outcomes), r => Assert.True(r.ReportedAt <= Now));
    }

    [Fact]
    public void Scale_multiplies_the_volumes()
    {
        var set = new DemoDataGenerator(Files, 3, Anchor, Now).Generate();
        Assert.Equal(3 * DemoDataGenerator.EnterprisesPerScale, set.Enterprises.Count);
        Assert.Equal(3 * DemoDataGenerator.CollegesPerScale, set.Colleges.Count);
        Assert.Equal(3 * DemoDataGenerator.DemandsPerScale, set.Demands.Count);
        Assert.True(set.Programmes.Count >= 3 * 110);
    }

    [Fact]
    public void Demands_cover_twelve_quarters_of_the_demo_region_with_seasonality_and_nothing_in_the_future()
    {
        var set = new DemoDataGenerator(Files, 2, Anchor, Now).Generate();
        Assert.All(set.Demands, d => Assert.StartsWith("15", d.RegionCode, StringComparison.Ordinal));
        Assert.All(set.Demands, d => Assert.True(d.CreatedAt <= Now && (d.ClosedAt ?? d.CreatedAt) <= Now));
        var byQuarter = set.Demands.GroupBy(d => Quarter.Of(new DateTimeOffset(d.CreatedAt))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(12, byQuarter.Count);
        // Spring hiring (Q1) outweighs winter (Q4) in every full year of the history.
        Assert.True(byQuarter[new Quarter(2026, 1)] > byQuarter[new Quarter(2025, 4)]);
        Assert.True(byQuarter[new Quarter(2025, 1)] > byQuarter[new Quarter(2024, 4)]);
        Assert.Contains(set.Demands, d => d.Status == DemandStatus.Open);
        Assert.Contains(set.Demands, d => d.Status == DemandStatus.Filled);
        Assert.All(set.Demands, d => Assert.NotEmpty(d.Skills));
    }

    [Fact]
    public void Resources_are_reproducible_located_in_their_own_prefecture_and_used_within_capacity()
    {
        var a = new DemoDataGenerator(Files, 1, Anchor, Now).Generate();
        var b = new DemoDataGenerator(Files, 1, Anchor, Now).Generate();
        Assert.Equal(a.TrainingBases.Select(t => (t.Id, t.Name, t.Location, t.CapacityHoursPerYear)), b.TrainingBases.Select(t => (t.Id, t.Name, t.Location, t.CapacityHoursPerYear)));
        Assert.Equal(a.Mentors.Select(m => (m.Id, m.Name)), b.Mentors.Select(m => (m.Id, m.Name)));
        Assert.Equal(a.Platforms.Select(p => (p.Id, p.Name, p.Location)), b.Platforms.Select(p => (p.Id, p.Name, p.Location)));

        var seats = Files.Regions().ToDictionary(r => r.Code);
        var colleges = a.Colleges.Select(c => c.Id).ToHashSet();
        Assert.All(a.Colleges, c => Assert.Contains(a.TrainingBases, t => t.OrganisationId == c.Id));
        // The demo college account (the first college) has its own R&D platform to see highlighted on the map.
        Assert.Contains(a.Platforms, p => p.OrganisationId == a.Colleges[0].Id);
        Assert.All(a.TrainingBases, t =>
        {
            Assert.StartsWith("15", t.RegionCode, StringComparison.Ordinal);
            var spread = MapPlacement.SpreadAround(t.RegionCode) + 1e-6;
            Assert.InRange(t.Location.Longitude, seats[t.RegionCode].Longitude - spread, seats[t.RegionCode].Longitude + spread);
            Assert.InRange(t.Location.Latitude, seats[t.RegionCode].Latitude - spread, seats[t.RegionCode].Latitude + spread);
            Assert.Equal(DemoDataGenerator.ResourceHistoryQuarters, t.Usage.Count);
            Assert.All(t.Usage, u => Assert.True(u.Quarter < Anchor && u.Hours <= t.CapacityHoursPerYear / 4));
        });
        var programmes = a.Programmes.Select(p => p.Id).ToHashSet();
        Assert.All(a.Mentors, m => Assert.All(m.ProgrammeIds, id => Assert.Contains(id, programmes)));
        Assert.All(a.TrainingBases.Where(t => colleges.Contains(t.OrganisationId)), t => Assert.DoesNotContain(t.OrganisationId, t.SharedWith));
    }
}
