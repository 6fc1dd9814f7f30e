using ChainLink.Domain.Common;
using ChainLink.Domain.Resources;

namespace ChainLink.Domain.Tests;

public sealed class ResourceRulesTests
{
    private static QuarterUsage Used(int year, int quarter, int hours) => new(new Quarter(year, quarter), hours);

    private static TrainingBaseDetails Base(int capacity = 8000, IReadOnlyList<QuarterUsage>? usage = null, IReadOnlyList<Guid>? sharedWith = null) =>
        new("包头风电实训基地", new GeoPoint(109.84, 40.66), "150200", ["NE-WIND"], capacity, usage ?? [], sharedWith ?? []);

    [Fact]
    public void Utilisation_is_the_last_four_quarters_over_the_yearly_capacity()
    {
        // 2025Q1 is the fifth quarter back and does not count: (1000 + 1500 + 500 + 2000) / 8000 = 0.625.
        IReadOnlyList<QuarterUsage> usage = [Used(2025, 1, 2000), Used(2025, 2, 1000), Used(2025, 3, 1500), Used(2025, 4, 500), Used(2026, 1, 2000)];
        Assert.Equal(0.625, TrainingBase.Utilisation(8000, usage));
        Assert.Equal(0, TrainingBase.Utilisation(8000, []));
    }

    [Fact]
    public void Usage_is_kept_in_quarter_order_and_editing_moves_the_version()
    {
        var trainingBase = TrainingBase.Create(Guid.NewGuid(), Guid.NewGuid(), Base(usage: [Used(2026, 2, 10), Used(2026, 1, 20)]));
        Assert.Equal([new Quarter(2026, 1), new Quarter(2026, 2)], trainingBase.Usage.Select(u => u.Quarter));
        trainingBase.Edit(Base(capacity: 9000));
        Assert.Equal(2, trainingBase.Version);
        Assert.Empty(trainingBase.Usage);
    }

    [Fact]
    public void A_quarter_cannot_use_more_than_a_quarter_of_the_yearly_capacity_or_be_reported_twice()
    {
        Assert.Equal("usage", Assert.Throws<DomainRuleException>(() => TrainingBase.Create(Guid.NewGuid(), Guid.NewGuid(), Base(800, [Used(2026, 1, 201)]))).Field);
        TrainingBase.Create(Guid.NewGuid(), Guid.NewGuid(), Base(800, [Used(2026, 1, 200)]));
        Assert.Equal("usage", Assert.Throws<DomainRuleException>(() => TrainingBase.Create(Guid.NewGuid(), Guid.NewGuid(), Base(800, [Used(2026, 1, 1), Used(2026, 1, 2)]))).Field);
    }

    [Fact]
    public void A_training_base_is_not_shared_with_its_own_owner()
    {
        var owner = Guid.NewGuid();
        Assert.Equal("sharedWith", Assert.Throws<DomainRuleException>(() => TrainingBase.Create(Guid.NewGuid(), owner, Base(sharedWith: [owner]))).Field);
    }

    [Theory]
    [InlineData(40.66, 109.84)]
    [InlineData(0, 0)]
    [InlineData(200, 40)]
    public void A_location_outside_China_such_as_a_swapped_pair_is_refused(double longitude, double latitude) =>
        Assert.Throws<DomainRuleException>(() => GeoPoint.Checked(longitude, latitude, "longitude"));

    [Fact]
    public void A_mentor_needs_a_skill_and_an_rd_platform_a_cluster()
    {
        Assert.Equal("skillCodes", Assert.Throws<DomainRuleException>(() => Mentor.Create(Guid.NewGuid(), Guid.NewGuid(), new MentorDetails("王建国", [], [], 0))).Field);
        Assert.Equal("clusterCodes", Assert.Throws<DomainRuleException>(() =>
            RdPlatform.Create(Guid.NewGuid(), Guid.NewGuid(), new RdPlatformDetails("实验室", PlatformKind.KeyLaboratory, [], new GeoPoint(111.67, 40.82), "150100"))).Field);
    }
}
