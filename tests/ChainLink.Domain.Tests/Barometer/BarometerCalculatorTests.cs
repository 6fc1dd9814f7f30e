using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;

namespace ChainLink.Domain.Tests.Barometer;

/// <summary>Every figure below is worked out by hand in the comments; the methodology document uses the same case.</summary>
public sealed class BarometerCalculatorTests
{
    private const string O1 = "6-31-01-03";
    private const string O2 = "6-31-01-04";
    private const string Prefecture = "150100";
    private const string Province = "150000";
    private static readonly Quarter Q = new(2026, 3);
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid F = Guid.Parse("00000000-0000-0000-0000-00000000000f");
    private static readonly Guid College = Guid.Parse("00000000-0000-0000-0000-000000000c01");

    private static int Idx(int year, int number) => new Quarter(year, number).Index;

    internal static BarometerReference Reference() => new(
        new Dictionary<string, string> { [O1] = "职业一", [O2] = "职业二" },
        new Dictionary<string, string> { ["S1"] = "技能一" },
        new Dictionary<string, string> { ["C1"] = "集群一" },
        new Dictionary<string, (string, string?)> { [Province] = ("内蒙古自治区", null), [Prefecture] = ("呼和浩特市", Province) },
        new[] { ("M1", O1), ("M1", O2) }.ToLookup(x => x.Item1, x => x.Item2),
        new[] { (O1, "C1") }.ToLookup(x => x.Item1, x => x.Item2),
        new[] { ("M1", "C1") }.ToLookup(x => x.Item1, x => x.Item2),
        new[] { ("C1", Prefecture) }.ToLookup(x => x.Item1, x => x.Item2));

    private static readonly Open[] InputDemands =
    [
        new(A, Idx(2026, 2), null, 10, "S1"), new(B, Idx(2026, 3), Idx(2026, 3), 6, "S1"), new(C, Idx(2025, 3), Idx(2026, 2), 4),
        new(D, Idx(2026, 1), null, 4, "S1"), new(E, Idx(2025, 3), Idx(2025, 3), 3), new(F, Idx(2025, 3), Idx(2025, 3), 3),
    ];

    // Demand for O1 in 150100, per quarter (headcount by organisation):
    //   2025Q3: C 4 + E 3 + F 3 = 10 (3 organisations, 2 largest 7/10 = 70 %)
    //   2025Q4: C 4 (1 organisation: suppressed)      2026Q1: C 4 + D 4 = 8 (2: suppressed)
    //   2026Q2: A 10 + C 4 + D 4 = 18 (3, 14/18 = 78 %)  2026Q3: A 10 + B 6 + D 4 = 20 (3, 16/20 = 80 %)
    // Supply: one programme of major M1 (→ O1 and O2, half each): 80 graduates in 2025, 100 in 2026, spread
    // 50/25/15/10 % from the third quarter: 2025Q3 40, 2025Q4 20, 2026Q1 12, 2026Q2 8, 2026Q3 50 (+ 2025's nothing).
    //   O1 gets half: 2025Q3 20, 2026Q2 4, 2026Q3 25.
    private static BarometerInput Input() => new(
        Rows(InputDemands),
        [new ProgrammeSupply(College, "M1", Prefecture, [new CohortGraduates(2025, 80), new CohortGraduates(2026, 100)], ["S1"])],
        Reference());

    /// <summary>A demand for <see cref="O1"/> in <see cref="Prefecture"/> open over quarters First..Last.</summary>
    private sealed record Open(Guid Organisation, int First, int? Last, int Headcount, string Skills = "");

    private static DemandRows Rows(params Open[] demands)
    {
        var rows = new DemandRows();
        foreach (var d in demands) rows.Add(d.Organisation, O1, Prefecture, d.First, d.Last, d.Headcount, d.Skills);
        return rows;
    }

    private static BarometerCell Cell(BarometerResult result, SegmentType type, string code, string? region = null) =>
        Assert.Single(result.Cells, c => c.SegmentType == type && c.Code == code && c.RegionCode == region);

    [Fact]
    public void Every_figure_of_the_occupation_cell_matches_the_hand_computation()
    {
        var result = BarometerCalculator.Compute(Q, Input(), BarometerSettings.Default);
        var cell = Cell(result, SegmentType.Occupation, O1);

        Assert.Equal("职业一", cell.Name);
        Assert.Equal(20, cell.Demand);
        Assert.Equal(25, cell.Supply);
        Assert.Equal(0.8, cell.Ratio);
        Assert.Equal(Band.Balanced, cell.Band);
        Assert.Equal(0.8 - 4.5, cell.ChangeOnQuarter!.Value, 10);   // 2026Q2: 18 / 4 = 4.5
        Assert.Equal(0.8 - 0.5, cell.ChangeOnYear!.Value, 10);      // 2025Q3: 10 / 20 = 0.5
        Assert.Null(cell.Warning);                                  // shortage → balanced warns of nothing
        Assert.False(cell.Suppressed);
        Assert.Empty(cell.Forecast);                                // only 2 published quarters in a row (2026Q1 is suppressed)

        Assert.Equal(12, cell.History.Count);
        Assert.Equal("2023Q4", cell.History[0].Quarter);
        Assert.Equal(new HistoryPoint("2023Q4", 0, 0, null), cell.History[0]);
        Assert.Equal(new HistoryPoint("2025Q3", 10, 20, 0.5), cell.History[7]);
        Assert.Equal(new HistoryPoint("2025Q4", null, null, null), cell.History[8]);
        Assert.Equal(new HistoryPoint("2026Q1", null, null, null), cell.History[9]);
        Assert.Equal(new HistoryPoint("2026Q2", 18, 4, 4.5), cell.History[10]);
        Assert.Equal(new HistoryPoint("2026Q3", 20, 25, 0.8), cell.History[11]);
    }

    [Fact]
    public void Other_segments_divide_and_roll_up_the_same_records_as_the_methodology_says()
    {
        var result = BarometerCalculator.Compute(Q, Input(), BarometerSettings.Default);

        // O2 has the other half of the graduates and no demand: ratio 0, surplus, nothing to suppress.
        var o2 = Cell(result, SegmentType.Occupation, O2);
        Assert.Equal((0.0, 25.0, 0.0, Band.Surplus), (o2.Demand!.Value, o2.Supply!.Value, o2.Ratio!.Value, o2.Band!.Value));
        // Region, cluster and skill cells count every graduate once: 20 / 50 = 0.4.
        foreach (var cell in new[]
                 {
                     Cell(result, SegmentType.Region, Prefecture), Cell(result, SegmentType.Region, Province), Cell(result, SegmentType.Cluster, "C1"),
                     Cell(result, SegmentType.ClusterRegion, "C1", Prefecture), Cell(result, SegmentType.ClusterRegion, "C1", Province),
                     Cell(result, SegmentType.Skill, "S1"),
                 })
            Assert.Equal((20.0, 50.0, 0.4), (cell.Demand!.Value, cell.Supply!.Value, cell.Ratio!.Value));
        var crossed = Cell(result, SegmentType.OccupationRegion, O1, Prefecture);
        Assert.Equal((20.0, 25.0, 0.8, "呼和浩特市"), (crossed.Demand!.Value, crossed.Supply!.Value, crossed.Ratio!.Value, crossed.RegionName));
        Assert.Equal(0.8, Cell(result, SegmentType.OccupationRegion, O1, Province).Ratio);

        // Demands A, B, D are open in 2026Q3 (3 records, 3 enterprises); the one programme has graduates in it.
        Assert.Equal(new SourceCounts(3, 3, 1, 1), result.SourceCounts);
    }

    [Fact]
    public void Supply_is_published_in_whole_persons_and_the_ratio_comes_from_the_unrounded_supply()
    {
        // 101 graduates in 2026: 2026Q3 gets 101 × 50 % / 2 = 25.25 → 25 persons; ratio 20 / 25.25 = 0.79208 → 0.7921.
        var input = Input() with
        {
            Programmes = [new ProgrammeSupply(College, "M1", Prefecture, [new CohortGraduates(2025, 80), new CohortGraduates(2026, 101)], ["S1"])],
        };
        var cell = Cell(BarometerCalculator.Compute(Q, input, BarometerSettings.Default), SegmentType.Occupation, O1);
        Assert.Equal(25, cell.Supply);
        Assert.Equal(0.7921, cell.Ratio);
    }

    [Fact]
    public void Entering_surplus_is_warned_against_the_same_quarter_a_year_before()
    {
        var settings = BarometerSettings.Default with { SurplusBelow = 1.0, TightFrom = 2.0, ShortageFrom = 4.0 };
        // G adds 10 in 2025Q3: C 4 + E 3 + F 3 + G 10 = 20 (4 organisations, 14/20 = 70 %), supply 20: ratio 1.0, balanced.
        var g = Guid.Parse("00000000-0000-0000-0000-000000000010");
        var input = Input() with { Demands = Rows([.. InputDemands, new(g, Idx(2025, 3), Idx(2025, 3), 10)]) };
        var cell = Cell(BarometerCalculator.Compute(Q, input, settings), SegmentType.Occupation, O1);
        Assert.Equal(Band.Surplus, cell.Band);                       // 0.8 < 1.0
        Assert.Equal(BarometerWarning.EnteredSurplus, cell.Warning); // 2025Q3 was 1.0, balanced
        Assert.Equal("2025Q3", cell.WarningComparedWith);
    }

    [Fact]
    public void A_third_quarter_surplus_that_the_graduation_wave_brings_every_year_is_not_warned()
    {
        // 2026Q3 0.8 and 2025Q3 0.5 are both surplus below 1.0; between them 2026Q2 was 4.5. Against the previous
        // quarter alone this would be "entered surplus" every third quarter.
        var settings = BarometerSettings.Default with { SurplusBelow = 1.0, TightFrom = 2.0, ShortageFrom = 4.0 };
        var cell = Cell(BarometerCalculator.Compute(Q, Input(), settings), SegmentType.Occupation, O1);
        Assert.Equal(Band.Surplus, cell.Band);
        Assert.Equal(Band.Shortage, settings.BandOf(cell.History[10].Ratio!.Value));
        Assert.Null(cell.Warning);
        Assert.Null(cell.WarningComparedWith);
    }

    [Fact]
    public void Entering_shortage_is_warned_against_the_same_quarter_a_year_before_even_after_a_shortage_quarter()
    {
        // Shortage from 0.75: 2026Q3 0.8 is shortage, 2025Q3 0.5 was balanced; 2026Q2 (4.5) was shortage too, so the
        // previous quarter alone would have said nothing.
        var settings = BarometerSettings.Default with { SurplusBelow = 0.3, TightFrom = 0.7, ShortageFrom = 0.75 };
        var cell = Cell(BarometerCalculator.Compute(Q, Input(), settings), SegmentType.Occupation, O1);
        Assert.Equal(Band.Shortage, cell.Band);
        Assert.Equal(BarometerWarning.EnteredShortage, cell.Warning);
        Assert.Equal("2025Q3", cell.WarningComparedWith);
    }

    [Theory]
    [InlineData(Band.Shortage, Band.Tight, BarometerWarning.EnteredShortage)]
    [InlineData(Band.Shortage, Band.Surplus, BarometerWarning.EnteredShortage)]
    [InlineData(Band.Surplus, Band.Balanced, BarometerWarning.EnteredSurplus)]
    [InlineData(Band.Shortage, Band.Shortage, null)]
    [InlineData(Band.Surplus, Band.Surplus, null)]
    [InlineData(Band.Tight, Band.Shortage, null)]
    [InlineData(Band.Shortage, null, null)]
    public void The_warning_compares_the_band_with_the_same_quarter_a_year_before(Band band, Band? yearBefore, BarometerWarning? expected) =>
        Assert.Equal(expected, BarometerCalculator.WarningOf(band, yearBefore));

    [Theory]
    [InlineData(0.0, Band.Surplus)]
    [InlineData(0.6699, Band.Surplus)]
    [InlineData(0.67, Band.Balanced)]
    [InlineData(1.4999, Band.Balanced)]
    [InlineData(1.5, Band.Tight)]
    [InlineData(3.9999, Band.Tight)]
    [InlineData(4.0, Band.Shortage)]
    public void Bands_start_exactly_at_their_thresholds(double ratio, Band band) =>
        Assert.Equal(band, BarometerSettings.Default.BandOf(ratio));

    [Fact]
    public void A_cell_from_fewer_than_k_organisations_is_suppressed_with_its_reason_and_no_numbers()
    {
        var input = Input() with { Demands = Rows(new(A, Idx(2026, 3), null, 10), new(B, Idx(2026, 3), null, 5)) };
        var cell = Cell(BarometerCalculator.Compute(Q, input, BarometerSettings.Default), SegmentType.Occupation, O1);
        Assert.True(cell.Suppressed);
        Assert.Equal("需求仅来自 2 家单位，少于 3 家，不予公布。", cell.SuppressionReason);
        Assert.Equal((null, null, null, null, null, null), (cell.Demand, cell.Supply, cell.Ratio, cell.Band, cell.ChangeOnQuarter, cell.ChangeOnYear));
        Assert.Empty(cell.Forecast);

        var relaxed = Cell(BarometerCalculator.Compute(Q, input, BarometerSettings.Default with { MinimumContributors = 2, DominanceShare = 1 }), SegmentType.Occupation, O1);
        Assert.False(relaxed.Suppressed);
        Assert.Equal(15, relaxed.Demand);
    }

    [Fact]
    public void A_cell_dominated_by_its_two_largest_organisations_is_suppressed()
    {
        // 50 + 40 of 100 = 90 % > 85 %; at exactly 85 % (50 + 35 of 100) it is published.
        DemandRows Demands(int second, int third) =>
            Rows(new(A, Idx(2026, 3), null, 50), new(B, Idx(2026, 3), null, second), new(C, Idx(2026, 3), null, third));
        var dominated = Cell(BarometerCalculator.Compute(Q, Input() with { Demands = Demands(40, 10) }, BarometerSettings.Default), SegmentType.Occupation, O1);
        Assert.True(dominated.Suppressed);
        Assert.Equal("最大的 2 家单位占需求的 85% 以上，不予公布。", dominated.SuppressionReason);

        var atLimit = Cell(BarometerCalculator.Compute(Q, Input() with { Demands = Demands(35, 15) }, BarometerSettings.Default), SegmentType.Occupation, O1);
        Assert.False(atLimit.Suppressed);
    }

    [Fact]
    public void A_demand_closed_at_the_start_of_the_window_or_opened_after_the_quarter_counts_nowhere()
    {
        var input = Input() with { Demands = Rows(new(A, Idx(2020, 1), Idx(2023, 3), 10), new(B, Idx(2026, 4), null, 5)) };
        var result = BarometerCalculator.Compute(Q, input, BarometerSettings.Default);
        Assert.Equal(0, result.SourceCounts.Demands);
        Assert.All(Cell(result, SegmentType.Occupation, O1).History, h => Assert.Equal(0, h.Demand));
    }
}

/// <summary>
/// The demand figures over many organisations — enough for the calculator to split them over cores — against a plain
/// per-organisation sum written out here.
/// </summary>
public sealed class BarometerDemandFiguresTests
{
    private const string Region = "150100";
    private static readonly Quarter Q = new(2026, 3);

    [Fact]
    public void Organisations_split_over_cores_give_the_figures_of_a_plain_per_organisation_sum()
    {
        var random = new Random(7);
        string[] occupations = ["6-31-01-03", "6-31-01-04", "6-28-01-12"];
        var organisations = Enumerable.Range(0, 1_500).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        var many = Enumerable.Range(0, 120_000).Select(_ =>
        {
            var first = Q.Index - random.Next(0, 16);
            int? last = random.Next(3) == 0 ? null : first + random.Next(0, 6);
            return (Organisation: organisations[random.Next(organisations.Length)], Occupation: occupations[random.Next(2)], First: first, Last: last, Headcount: random.Next(1, 30));
        });
        // The third occupation: in each quarter 2 large and 2 small demands, the large ones holding 80 % in even
        // quarters (published) and 90 % in odd ones (withheld for dominance). One large and one small organisation are
        // numbered first and the others last, so they fall in different cores' ranges and only the merged two largest
        // decide.
        var window = Enumerable.Range(Q.Index - BarometerCalculator.HistoryQuarters + 1, BarometerCalculator.HistoryQuarters).ToList();
        (Guid, string, int, int?, int) Dominance(int organisation, int quarter, bool large) =>
            (new Guid(10_000 + organisation, 0, 0, new byte[8]), occupations[2], quarter, quarter, large ? (quarter % 2 == 0 ? 40 : 45) : (quarter % 2 == 0 ? 10 : 5));
        var demands = window.SelectMany(q => new[] { Dominance(0, q, true), Dominance(1, q, false) })
            .Concat(many)
            .Concat(window.SelectMany(q => new[] { Dominance(2, q, true), Dominance(3, q, false) }))
            .Select(d => (Organisation: d.Item1, Occupation: d.Item2, First: d.Item3, Last: d.Item4, Headcount: d.Item5))
            .ToList();
        var rows = new DemandRows();
        foreach (var d in demands) rows.Add(d.Organisation, d.Occupation, Region, d.First, d.Last, d.Headcount, "");
        var reference = BarometerCalculatorTests.Reference() with
        {
            OccupationNames = occupations.ToDictionary(o => o, o => o),
            ClustersOfOccupation = Array.Empty<(string, string)>().ToLookup(x => x.Item1, x => x.Item2),
        };
        var settings = BarometerSettings.Default;
        var result = BarometerCalculator.Compute(Q, new BarometerInput(rows, [], reference), settings);

        var checkedPoints = 0;
        foreach (var occupation in occupations)
        {
            var cell = Assert.Single(result.Cells, c => c.SegmentType == SegmentType.Occupation && c.Code == occupation);
            for (var p = 0; p < BarometerCalculator.HistoryQuarters; p++)
            {
                var quarter = Q.Index - BarometerCalculator.HistoryQuarters + 1 + p;
                var perOrganisation = demands
                    .Where(d => d.Occupation == occupation && d.First <= quarter && (d.Last ?? int.MaxValue) >= quarter)
                    .GroupBy(d => d.Organisation, d => (long)d.Headcount)
                    .Select(g => g.Sum()).OrderDescending().ToList();
                var total = perOrganisation.Sum();
                var withheld = total > 0 && (perOrganisation.Count < settings.MinimumContributors
                    || (double)perOrganisation.Take(2).Sum() / total > settings.DominanceShare);
                Assert.Equal(withheld ? null : total, cell.History[p].Demand);
                checkedPoints++;
            }
        }
        Assert.Equal(36, checkedPoints);
        var dominated = Assert.Single(result.Cells, c => c.SegmentType == SegmentType.Occupation && c.Code == occupations[2]);
        Assert.Contains(dominated.History, h => h.Demand is null);
        Assert.Contains(dominated.History, h => h.Demand > 0);
    }

    [Fact]
    public void Demands_read_in_parts_and_joined_give_the_edition_of_demands_read_at_once()
    {
        var random = new Random(11);
        var whole = new DemandRows();
        DemandRows[] parts = [new(), new(), new()];
        string[] skills = ["S1", "S2 S1", "", "S3"];
        for (var i = 0; i < 3_000; i++)
        {
            var organisation = new Guid(random.Next(40), 0, 0, new byte[8]);
            var occupation = random.Next(2) == 0 ? "6-31-01-03" : "6-31-01-04";
            var first = Q.Index - random.Next(0, 14);
            var skill = skills[random.Next(skills.Length)];
            whole.Add(organisation, occupation, Region, first, null, 5, skill);
            parts[i * parts.Length / 3_000].Add(organisation, occupation, Region, first, null, 5, skill);
        }
        var reference = BarometerCalculatorTests.Reference();
        var fromWhole = BarometerCalculator.Compute(Q, new BarometerInput(whole, [], reference), BarometerSettings.Default);
        var fromParts = BarometerCalculator.Compute(Q, new BarometerInput(DemandRows.Concat(parts), [], reference), BarometerSettings.Default);
        Assert.Equal(fromWhole.SourceCounts, fromParts.SourceCounts);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromWhole.Cells), System.Text.Json.JsonSerializer.Serialize(fromParts.Cells));
    }
}
