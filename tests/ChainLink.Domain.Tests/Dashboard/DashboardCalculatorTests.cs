using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Resources;

namespace ChainLink.Domain.Tests.Dashboard;

/// <summary>
/// Every figure on a small data set computed by hand (the sums are in the comments). Year 2025: agreements A1 (entity,
/// order class + internship, programme P1), A2 (apprenticeship, P2), A4 (order class, P3, suspended) belong to it; A3
/// ended in 2024. Disputed and unconfirmed records are mixed in and must not count; O1 was confirmed after a dispute.
/// </summary>
public sealed class DashboardCalculatorTests
{
    private const int Year = 2025;
    private static readonly Guid E1 = Guid.NewGuid(), E2 = Guid.NewGuid(), E3 = Guid.NewGuid(), C1 = Guid.NewGuid(), C2 = Guid.NewGuid();
    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid(), P4 = Guid.NewGuid();

    private static readonly AgreementFact A1 = new(Guid.NewGuid(), E1, C1, P1, CooperationMode.OrderClass | CooperationMode.Internship, true,
        AgreementStatus.Active, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), null);
    private static readonly AgreementFact A2 = new(Guid.NewGuid(), E2, C1, P2, CooperationMode.Apprenticeship, false,
        AgreementStatus.Active, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), null);
    private static readonly AgreementFact A3 = new(Guid.NewGuid(), E1, C2, null, CooperationMode.Mentoring, false,
        AgreementStatus.Ended, new DateOnly(2023, 1, 1), new DateOnly(2026, 1, 1), new DateTime(2024, 6, 30, 0, 0, 0, DateTimeKind.Utc));
    private static readonly AgreementFact A4 = new(Guid.NewGuid(), E3, C2, P3, CooperationMode.OrderClass, false,
        AgreementStatus.Suspended, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1), null);

    private static InvestmentFact Invest(AgreementFact a, Guid party, long funds, long equipment = 0, int staff = 0, ReportStatus status = ReportStatus.Confirmed, int year = Year) =>
        new(Guid.NewGuid(), a.Id, party, party == E1 || party == E2 || party == E3, year, funds, equipment, staff, status, 0);

    private static OutcomeFact Outcome(AgreementFact a, OutcomeKind kind, int quantity, ReportStatus status = ReportStatus.Confirmed, long? value = null,
        Guid? programme = null, int disputes = 0, DateTime? reviewedAt = null) =>
        new(Guid.NewGuid(), a.Id, kind, Year, quantity, value, programme, status, disputes, reviewedAt ?? new DateTime(Year, 6, 1, 0, 0, 0, DateTimeKind.Utc));

    private static readonly InvestmentFact I1 = Invest(A1, E1, 100_000, 50_000, 100);
    private static readonly InvestmentFact I2 = Invest(A1, C1, 20_000);
    private static readonly InvestmentFact I3 = Invest(A2, E2, 40_000, status: ReportStatus.Disputed);
    private static readonly InvestmentFact I4 = Invest(A2, C1, 10_000);
    private static readonly InvestmentFact I5 = Invest(A4, E3, 30_000);
    private static readonly InvestmentFact I6 = Invest(A4, C2, 5_000);
    private static readonly InvestmentFact I7 = Invest(A1, E1, 999, year: 2024);

    private static readonly OutcomeFact O1 = Outcome(A1, OutcomeKind.GraduatesHired, 10, programme: P1, disputes: 1, reviewedAt: new DateTime(2025, 6, 11, 0, 0, 0, DateTimeKind.Utc));
    private static readonly OutcomeFact O2 = Outcome(A1, OutcomeKind.TrainingHours, 100);
    private static readonly OutcomeFact O3 = Outcome(A2, OutcomeKind.GraduatesHired, 5, ReportStatus.Disputed, programme: P2, disputes: 1);
    private static readonly OutcomeFact O4 = Outcome(A2, OutcomeKind.MentorHours, 50, ReportStatus.Reported);
    private static readonly OutcomeFact O5 = Outcome(A1, OutcomeKind.PatentsShared, 2);
    private static readonly OutcomeFact O6 = Outcome(A1, OutcomeKind.TechnologyTransferred, 1, value: 200_000);
    private static readonly OutcomeFact O7 = Outcome(A1, OutcomeKind.MentorHours, 40);
    private static readonly OutcomeFact O8 = Outcome(A1, OutcomeKind.InternsHosted, 20);

    private static DateTime On(int month, int day, int year = Year) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Guid D1 = Guid.NewGuid(), D2 = Guid.NewGuid(), D3 = Guid.NewGuid(), D4 = Guid.NewGuid(), D5 = Guid.NewGuid();

    private static readonly Valuation Values = new(
        GraduateHired: new(1_000, 2_000, 4_000), TrainingHour: new(10, 20, 40), MentorHour: new(10, 20, 40),
        PatentShared: new(5_000, 10_000, 20_000), EquipmentYuan: new(0.5, 1, 1), StaffHour: new(50, 100, 200));

    private static DashboardData Data(int? quarter = null, IReadOnlyList<InvestmentFact>? investments = null) => new(
        Year, quarter, [A1, A2, A3, A4], investments ?? [I1, I2, I3, I4, I5, I6, I7], [O1, O2, O3, O4, O5, O6, O7, O8],
        [
            new ProgrammeFact(P1, C1, ["X", "Y"], 100, 50),
            new ProgrammeFact(P2, C1, ["Z"], 40, 0),
            new ProgrammeFact(P3, C2, [], 0, 10),
            new ProgrammeFact(P4, C2, ["X"], 0, 0),
        ],
        [
            new OpenedDemand(D1, On(1, 1), true),
            new OpenedDemand(D2, On(1, 1), true),
            new OpenedDemand(D3, On(5, 1), true),
            new OpenedDemand(D4, On(7, 1), false),
            new OpenedDemand(D5, On(12, 1, 2024), true),
        ],
        [
            new ProposalFact(Guid.NewGuid(), D1, On(2, 1), A1.Id, On(2, 11)),
            new ProposalFact(Guid.NewGuid(), D2, On(1, 21), A2.Id, On(2, 20)),
            new ProposalFact(Guid.NewGuid(), D4, On(8, 1), null, null),
            new ProposalFact(Guid.NewGuid(), D3, On(4, 1), null, null),
        ],
        [
            new TrainingBaseFact(Guid.NewGuid(), 4_000, [new QuarterUsage(new Quarter(Year, 1), 500), new QuarterUsage(new Quarter(Year, 2), 1_000)]),
            new TrainingBaseFact(Guid.NewGuid(), 8_000, [new QuarterUsage(new Quarter(Year, 1), 1_000), new QuarterUsage(new Quarter(2024, 4), 2_000)]),
        ],
        300,
        new Dictionary<string, Band> { ["X"] = Band.Shortage, ["Y"] = Band.Surplus },
        "2025Q4 第1版");

    private static DashboardFigure Figure(string key, DashboardData? data = null) =>
        DashboardCalculator.Compute(data ?? Data(), Values).Single(f => f.Key == key);

    private static double? Value(DashboardFigure figure, string row) => figure.Rows.Single(r => r.Key == row).Value;

    private static FigureRow Row(DashboardFigure figure, string row) => figure.Rows.Single(r => r.Key == row);

    private static HashSet<Guid> Ids(DashboardFigure figure, string type) => [.. figure.Records.Where(r => r.Type == type).Select(r => r.Id)];

    [Fact]
    public void Disputed_and_unconfirmed_outcomes_do_not_count_and_one_confirmed_after_a_dispute_does()
    {
        var returns = Figure(DashboardCalculator.Returns);

        Assert.Equal(10, Value(returns, "kind:GraduatesHired"));   // O1 (confirmed after a dispute); O3 disputed
        Assert.Equal(40, Value(returns, "kind:MentorHours"));      // O7; O4 awaits confirmation
        Assert.Equal(200_000, Value(returns, "technologyValue"));
        Assert.Equal(new HashSet<Guid> { O1.Id, O2.Id, O5.Id, O6.Id, O7.Id, O8.Id }, Ids(returns, RecordRef.Outcome));
    }

    [Fact]
    public void Only_confirmed_investments_of_the_year_count_by_the_investing_side()
    {
        var investment = Figure(DashboardCalculator.Investment);

        Assert.Equal(130_000, Value(investment, "enterprise:funds"));   // I1 + I5; I3 disputed, I7 of 2024
        Assert.Equal(50_000, Value(investment, "enterprise:equipment"));
        Assert.Equal(100, Value(investment, "enterprise:staffHours"));
        Assert.Equal(35_000, Value(investment, "college:funds"));       // I2 + I4 + I6
        Assert.Equal(new HashSet<Guid> { I1.Id, I2.Id, I4.Id, I5.Id, I6.Id }, Ids(investment, RecordRef.Investment));
    }

    [Fact]
    public void Roi_is_valued_returns_over_valued_enterprise_investment_with_its_sensitivity_range()
    {
        var roi = Figure(DashboardCalculator.Roi);

        // Returns: 200 000 + 10 × 2 000 + 100 × 20 + 40 × 20 + 2 × 10 000 = 242 800 (low 221 400, high 285 600).
        // Enterprise investment: 130 000 + 50 000 × 1 + 100 × 100 = 190 000 (low values 160 000, high values 200 000).
        var central = Row(roi, "roi");
        Assert.Equal(1.2779, central.Value);
        Assert.Equal(1.107, central.Low);    // 221 400 / 200 000
        Assert.Equal(1.785, central.High);   // 285 600 / 160 000
        Assert.Equal(242_800, Value(roi, "valuedReturns"));
        Assert.Equal(190_000, Value(roi, "valuedInvestment"));

        var graduates = Row(roi, "sensitivity:GraduateHired");
        Assert.Equal(1.2253, graduates.Low);  // 232 800 / 190 000
        Assert.Equal(1.3832, graduates.High); // 262 800 / 190 000
        var equipment = Row(roi, "sensitivity:EquipmentYuan");
        Assert.Equal(1.4715, equipment.Low);  // 242 800 / 165 000
        Assert.Equal(1.2779, equipment.High);

        Assert.DoesNotContain(O8.Id, Ids(roi, RecordRef.Outcome)); // interns are not valued
        Assert.Equal(new HashSet<Guid> { I1.Id, I5.Id }, Ids(roi, RecordRef.Investment));
    }

    [Fact]
    public void Roi_is_empty_rather_than_infinite_without_confirmed_enterprise_investment()
    {
        var roi = Figure(DashboardCalculator.Roi, Data(investments: [I2, I3]));

        Assert.Null(Row(roi, "roi").Value);
        Assert.Contains(roi.Notes, n => n.Contains("ROI 无法计算", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_counts_programmes_with_a_running_agreement_both_sides_confirmed_investing_in()
    {
        var coverage = Figure(DashboardCalculator.Coverage);

        // P1: A1 with I1 and I2. P2: A2's enterprise investment is disputed. P3: A4 is suspended. P4: no agreement.
        Assert.Equal(4, Value(coverage, "programmes"));
        Assert.Equal(1, Value(coverage, "covered"));
        Assert.Equal(0.25, Value(coverage, "coverage"));
        Assert.Null(Value(coverage, "keyCoverage"));
        Assert.Equal(new HashSet<Guid> { P1 }, Ids(coverage, RecordRef.Programme));
        Assert.Equal(new HashSet<Guid> { I1.Id, I2.Id }, Ids(coverage, RecordRef.Investment));
    }

    [Fact]
    public void Funnel_stages_are_nested_with_conversion_rates_and_median_days()
    {
        var funnel = Figure(DashboardCalculator.Funnel);

        // D1–D4 opened in 2025 (D5 in 2024); D4 has no supply to match, so its proposal does not count, nor D3's, sent
        // before D3 was published;
        // D1 and D2 were proposed and agreed; only D1's hire is confirmed (D2's is disputed).
        Assert.Equal(new double?[] { 4, 3, 2, 2, 1 }, new[] { "demands", "matched", "proposed", "agreed", "hired" }.Select(k => Value(funnel, k)));
        Assert.Equal(0.75, Value(funnel, "rate:matched"));
        Assert.Equal(0.6667, Value(funnel, "rate:proposed"));
        Assert.Equal(1, Value(funnel, "rate:agreed"));
        Assert.Equal(0.5, Value(funnel, "rate:hired"));
        Assert.Equal(0.25, Value(funnel, "rate:overall"));
        Assert.Equal(25.5, Value(funnel, "days:proposal"));  // 31 and 20 days
        Assert.Equal(20, Value(funnel, "days:agreement"));   // 10 and 30 days
        Assert.Equal(120, Value(funnel, "days:hire"));       // 11 Feb → 11 Jun
        Assert.Equal(new HashSet<Guid> { O1.Id }, Ids(funnel, RecordRef.Outcome));
        Assert.DoesNotContain(D5, Ids(funnel, RecordRef.Demand));
    }

    [Fact]
    public void Structure_counts_the_agreements_of_the_period_by_mode_and_entity_share()
    {
        var structure = Figure(DashboardCalculator.Structure);

        Assert.Equal(3, Value(structure, "agreements"));  // A3 ended in 2024
        Assert.Equal(2, Value(structure, "mode:OrderClass"));
        Assert.Equal(1, Value(structure, "mode:Apprenticeship"));
        Assert.Equal(0, Value(structure, "mode:Mentoring"));
        Assert.Equal(0.3333, Value(structure, "entityShare"));
        Assert.Equal(0.6667, Value(structure, "paperShare"));

        var firstQuarter = Figure(DashboardCalculator.Structure, Data(quarter: 1));
        Assert.Equal(new HashSet<Guid> { A1.Id, A4.Id }, Ids(firstQuarter, RecordRef.Agreement)); // A2 starts in April
    }

    [Fact]
    public void Completeness_beside_a_figure_counts_the_reports_of_the_year_by_status()
    {
        var completeness = Figure(DashboardCalculator.Structure).Completeness;

        Assert.Equal(3, completeness.Agreements);
        Assert.Equal(2, completeness.AgreementsWithOutcomes);  // A1 and A2
        Assert.Equal(0.6667, completeness.OutcomeReportedShare);
        Assert.Equal(14, completeness.Reports);                 // I1–I6 and O1–O8
        Assert.Equal(0.7857, completeness.ConfirmedShare);      // 11 of 14
        Assert.Equal(0.1429, completeness.DisputedShare);       // I3, O3
        Assert.Equal(0.0714, completeness.AwaitingShare);       // O4
    }

    [Fact]
    public void Alignment_splits_a_programme_equally_among_its_occupations_by_their_band()
    {
        var alignment = Figure(DashboardCalculator.Alignment);

        // Plans: P1's 100 go half to X (shortage) and half to Y (surplus); P2's 40 to Z (no band).
        Assert.Equal(50, Value(alignment, "plans:short"));
        Assert.Equal(50, Value(alignment, "plans:surplus"));
        Assert.Equal(40, Value(alignment, "plans:uncovered"));
        Assert.Equal(0.3571, Value(alignment, "plans:short:share"));
        // Graduates: P1's 50 split 25/25; P3's 10 lead to no occupation.
        Assert.Equal(25, Value(alignment, "graduates:short"));
        Assert.Equal(10, Value(alignment, "graduates:uncovered"));
        Assert.Equal(new HashSet<Guid> { P1, P2, P3 }, Ids(alignment, RecordRef.Programme));
    }

    [Fact]
    public void Training_base_utilisation_is_hours_used_over_a_quarter_of_the_yearly_capacity()
    {
        var bases = Figure(DashboardCalculator.TrainingBases);

        Assert.Equal(0.5, Value(bases, "utilisation:2025Q1"));   // 1 500 of (1 000 + 2 000)
        Assert.Equal(0.3333, Value(bases, "utilisation:2025Q2")); // 1 000 of 3 000
        Assert.Equal(0, Value(bases, "utilisation:2025Q4"));
    }

    [Fact]
    public void Mentor_hours_over_time_count_only_confirmed_hours()
    {
        var mentor = Figure(DashboardCalculator.MentorHours);

        Assert.Equal(40, Value(mentor, "year:2025"));
        Assert.Equal(0, Value(mentor, "year:2021"));
        Assert.Equal(300, Value(mentor, "declared"));
        Assert.Equal(new HashSet<Guid> { O7.Id }, Ids(mentor, RecordRef.Outcome));
    }
}
