using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;

namespace ChainLink.Infrastructure.Seed;

/// <summary>
/// Synthetic cooperations over the demo organisations, at every stage: proposals pending, declined, withdrawn and
/// expired; agreements active, suspended and ended, run as entities or as agreements only; investments and outcomes
/// confirmed, disputed, awaiting confirmation, and confirmed after a first dispute. Every record goes through the
/// entities' own transitions. It draws from its own random stream (seeded from the demo seed), so the organisations,
/// demands and figures generated before it are the same as without it. The demo accounts' organisations (the first
/// enterprise and the first college) take part in the first cooperations of each stage.
/// </summary>
public sealed class DemoCooperationGenerator
{
    public const int CooperationsPerScale = 30;

    /// <summary>No user made the demo records; the audit trail shows them as written by the platform.</summary>
    private static readonly Guid DemoUser = Guid.Empty;

    private static readonly string[] Messages =
    [
        "希望与贵方共建订单班，按岗位标准共同制定培养方案。（演示）",
        "拟开展现代学徒制试点，企业师傅与学校教师双导师带教。（演示）",
        "我方可每年接收实习生，并派产业导师进校授课。（演示）",
        "希望共建生产性实训基地，设备由企业投入、学校管理。（演示）",
        "围绕贵方技术需求组建联合攻关团队。（演示）",
    ];

    private static readonly string[] DeclineReasons = ["本年度招生计划已满（演示）", "专业方向与需求不符（演示）", "合作期限过长（演示）"];
    private static readonly string[] DisputeReasons = ["人数与我方记录不符，请核对名单（演示）", "金额含未到位资金（演示）", "课时统计口径不一致（演示）"];
    private static readonly string[] NeedFields = ["储能系统集成", "稀土永磁材料", "智能运维", "氢能装备", "牧业数字化", "算力调度"];

    private readonly Random _random;
    private readonly DemoDataSet _set;
    private readonly DateTime _now;
    private readonly List<TechnologyNeed> _needs = [];
    private readonly List<Proposal> _proposals = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<Investment> _investments = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly List<InboxItem> _inbox = [];

    public DemoCooperationGenerator(DemoDataSet set, int seed, DateTime now)
    {
        _random = new Random(unchecked(seed * 31 + 1717));
        _set = set;
        _now = now;
    }

    public DemoCooperationSet Generate()
    {
        var count = CooperationsPerScale * Math.Max(1, _set.Enterprises.Count / DemoDataGenerator.EnterprisesPerScale);
        for (var k = 0; k < count; k++)
        {
            var enterprise = _set.Enterprises[k % _set.Enterprises.Count];
            var college = k < 10 ? _set.Colleges[0] : _set.Colleges[_random.Next(_set.Colleges.Count)];
            var enterpriseProposes = k % 3 != 1;
            var (from, to) = enterpriseProposes ? (enterprise, college) : (college, enterprise);
            Cooperate(k % 10, from, to, enterprise, college);
        }
        return new DemoCooperationSet(_needs, _proposals, _agreements, _investments, _outcomes, _inbox);
    }

    private void Cooperate(int stage, Organisation from, Organisation to, Organisation enterprise, Organisation college)
    {
        var sentAt = stage is 5 ? _now.AddDays(-_random.Next(1, 10)) : _now.AddDays(-_random.Next(60, 900));
        var start = DateOnly.FromDateTime(sentAt).AddDays(30);
        var end = stage == 9 ? DateOnly.FromDateTime(_now).AddDays(_random.Next(5, 28)) : start.AddYears(_random.Next(2, 5));
        if (stage == 4) end = DateOnly.FromDateTime(_now).AddDays(-_random.Next(10, 60));
        if (end <= start) end = start.AddDays(90);
        var need = stage == 2 ? Need(enterprise, sentAt) : null;
        var modes = stage switch
        {
            0 => CooperationMode.OrderClass | CooperationMode.Internship,
            2 => CooperationMode.TechnologyResearch,
            4 => CooperationMode.SharedTrainingBase | CooperationMode.Internship | CooperationMode.Mentoring,
            9 => CooperationMode.CourseDevelopment | CooperationMode.Mentoring,
            _ => Pick([CooperationMode.Apprenticeship, CooperationMode.Internship, CooperationMode.Mentoring | CooperationMode.OrderClass]),
        };
        CooperationEntityKind? entity = stage switch
        {
            0 => CooperationEntityKind.IndustryCollege,
            2 => CooperationEntityKind.JointLab,
            4 => CooperationEntityKind.TrainingBase,
            _ => null,
        };
        var programme = Programme(college);
        // A proposal is about a demand that was open when it was sent.
        var demand = _set.Demands.FirstOrDefault(d => d.OrganisationId == enterprise.Id && d.Status != DemandStatus.Draft && d.OpenedAt <= sentAt
            && (d.ClosedAt is null || d.ClosedAt > sentAt));
        var terms = new ProposalTerms(demand?.Id, programme, need?.Id, modes, Pick(Messages), sentAt.AddDays(30), start, end, entity);
        var proposal = Proposal.Create(NextGuid(), from.Id, to.Id, terms, DemoUser, sentAt);
        _proposals.Add(proposal);
        var answeredAt = sentAt.AddDays(_random.Next(1, 20));
        switch (stage)
        {
            case 5:
                _inbox.Add(InboxItem.For(to.Id, InboxItemKind.ProposalReceived, nameof(Proposal), proposal.Id, $"{from.Name} 向本机构提议合作，请答复。", sentAt));
                return;
            case 6:
                proposal.Decline(Pick(DeclineReasons), answeredAt);
                return;
            case 7:
                return;
            case 8:
                proposal.Withdraw(answeredAt);
                return;
        }
        var agreement = proposal.Accept(NextGuid(), answeredAt);
        _agreements.Add(agreement);
        var firstYear = Math.Max(start.Year, 2000);
        var lastYear = Math.Min(DateOnly.FromDateTime(_now).Year, Math.Max(firstYear, end.Year));
        switch (stage)
        {
            case 0:
                for (var year = firstYear; year <= lastYear; year++)
                {
                    Invest(agreement, enterprise, college, year, ReportStatus.Confirmed);
                    Invest(agreement, college, enterprise, year, ReportStatus.Confirmed);
                }
                Outcome(agreement, college, enterprise, OutcomeKind.GraduatesHired, lastYear, _random.Next(5, 40), programme, ReportStatus.Confirmed);
                Outcome(agreement, enterprise, college, OutcomeKind.InternsHosted, lastYear, _random.Next(10, 60), null, ReportStatus.Confirmed, disputedFirst: true);
                break;
            case 1:
                Invest(agreement, enterprise, college, lastYear, ReportStatus.Confirmed);
                Outcome(agreement, college, enterprise, OutcomeKind.GraduatesHired, lastYear, _random.Next(3, 20), programme, ReportStatus.Disputed);
                break;
            case 2:
                Invest(agreement, enterprise, college, lastYear, ReportStatus.Reported);
                Outcome(agreement, college, enterprise, OutcomeKind.TechnologyTransferred, lastYear, 1, null, ReportStatus.Confirmed);
                Outcome(agreement, college, enterprise, OutcomeKind.PatentsShared, lastYear, _random.Next(1, 4), null, ReportStatus.Confirmed);
                break;
            case 3:
                Invest(agreement, enterprise, college, firstYear, ReportStatus.Confirmed);
                agreement.Suspend("企业生产线调整，暂停接收实习生（演示）", _now.AddDays(-_random.Next(5, 40)));
                break;
            case 4:
                Invest(agreement, enterprise, college, lastYear, ReportStatus.Confirmed);
                Outcome(agreement, enterprise, college, OutcomeKind.InternsHosted, lastYear, _random.Next(10, 50), null, ReportStatus.Confirmed);
                Outcome(agreement, college, enterprise, OutcomeKind.TrainingHours, lastYear, _random.Next(200, 2000), null, ReportStatus.Confirmed);
                Outcome(agreement, enterprise, college, OutcomeKind.MentorHours, lastYear, _random.Next(40, 300), null, ReportStatus.Confirmed);
                agreement.End("合作期满（演示）", agreement.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                break;
            case 9:
                Outcome(agreement, college, enterprise, OutcomeKind.CoursesBuilt, lastYear, _random.Next(1, 4), null, ReportStatus.Confirmed);
                Outcome(agreement, enterprise, college, OutcomeKind.MentorHours, lastYear, _random.Next(40, 200), null, ReportStatus.Reported);
                break;
        }
    }

    private TechnologyNeed Need(Organisation enterprise, DateTime postedAt)
    {
        var min = _random.Next(10, 100) * 10_000L;
        var field = Pick(NeedFields);
        var need = TechnologyNeed.Post(NextGuid(), enterprise.Id, $"{field}关键技术攻关（演示）", $"{field}环节效率偏低，需要与院校联合开展工艺改进与验证。（演示）",
            field, min, min * 3, DateOnly.FromDateTime(postedAt).AddDays(_random.Next(90, 360)), postedAt);
        _needs.Add(need);
        return need;
    }

    private Guid? Programme(Organisation college)
    {
        var own = _set.Programmes.Where(p => p.OrganisationId == college.Id).ToList();
        return own.Count == 0 ? null : own[_random.Next(own.Count)].Id;
    }

    private void Invest(Agreement agreement, Organisation party, Organisation reviewer, int year, ReportStatus status)
    {
        var planned = _random.Next(10, 300) * 10_000L;
        var figures = new InvestmentFigures(party.Id, year, planned, planned * _random.Next(60, 101) / 100, _random.Next(0, 500) * 10_000L, _random.Next(100, 3000));
        var at = ReportedAt(agreement, year);
        var investment = Domain.Cooperation.Investment.Report(NextGuid(), agreement, figures, party.Id, DemoUser, at);
        Review(investment, agreement, reviewer, status, at, disputedFirst: false, correct: () => investment.Correct(figures, at.AddDays(3)));
        _investments.Add(investment);
    }

    private void Outcome(Agreement agreement, Organisation reporter, Organisation reviewer, OutcomeKind kind, int year, int quantity, Guid? programme,
        ReportStatus status, bool disputedFirst = false)
    {
        if (kind == OutcomeKind.GraduatesHired && programme is null) kind = OutcomeKind.InternsHosted;
        long? value = kind == OutcomeKind.TechnologyTransferred ? _random.Next(20, 500) * 10_000L : null;
        IReadOnlyList<string> patents = kind == OutcomeKind.PatentsShared
            ? [.. Enumerable.Range(0, quantity).Select(_ => $"ZL{year}1{_random.Next(0, 100_000_000):D8}.{_random.Next(0, 10)}")]
            : [];
        var figures = new OutcomeFigures(kind, year, quantity, value, kind == OutcomeKind.GraduatesHired ? programme : null, patents, "合成演示数据");
        var at = ReportedAt(agreement, year);
        var outcome = Domain.Cooperation.Outcome.Report(NextGuid(), agreement, figures, reporter.Id, DemoUser, at);
        Review(outcome, agreement, reviewer, status, at, disputedFirst, () => outcome.Correct(figures, at.AddDays(3)));
        _outcomes.Add(outcome);
    }

    /// <summary>Brings a report to its demo state the way the parties would: dispute, correction and confirmation.</summary>
    private void Review(PartyReport report, Agreement agreement, Organisation reviewer, ReportStatus status, DateTime at, bool disputedFirst, Action correct)
    {
        var kind = report is Investment ? InboxItemKind.InvestmentToConfirm : InboxItemKind.OutcomeToConfirm;
        if (disputedFirst || status == ReportStatus.Disputed) report.Dispute(Pick(DisputeReasons), reviewer.Id, at.AddDays(1));
        if (status == ReportStatus.Disputed)
        {
            _inbox.Add(InboxItem.For(report.ReportedByOrganisationId, InboxItemKind.ReportReviewed, kind == InboxItemKind.InvestmentToConfirm ? nameof(Investment) : nameof(Outcome),
                report.Id, $"合作方对本机构填报的记录提出异议（理由：{report.DisputeReason}），请更正。", at.AddDays(1)));
            return;
        }
        if (disputedFirst) correct();
        if (status == ReportStatus.Confirmed) report.Confirm(reviewer.Id, at.AddDays(disputedFirst ? 5 : 2));
        else _inbox.Add(InboxItem.For(agreement.OtherParty(report.ReportedByOrganisationId), kind, kind == InboxItemKind.InvestmentToConfirm ? nameof(Investment) : nameof(Outcome),
            report.Id, "合作方填报了一条记录，请确认或提出异议。", at));
    }

    /// <summary>The end of the year reported, or now for the current year (nothing lies in the future).</summary>
    private DateTime ReportedAt(Agreement agreement, int year)
    {
        var yearEnd = new DateTime(year, 12, 20, 9, 0, 0, DateTimeKind.Utc);
        var at = yearEnd < _now ? yearEnd : _now.AddDays(-7);
        return at < agreement.CreatedAt ? agreement.CreatedAt.AddDays(1) : at;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
