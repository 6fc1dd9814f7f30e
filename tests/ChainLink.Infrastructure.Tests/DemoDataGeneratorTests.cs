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
}
