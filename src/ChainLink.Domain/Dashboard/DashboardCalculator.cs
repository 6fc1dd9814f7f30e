using System.Globalization;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Cooperation;

namespace ChainLink.Domain.Dashboard;

/// <summary>
/// The dashboard's figures from the records in scope (docs/integration-dashboard.md): only confirmed investments and
/// outcomes count; every figure lists the records it was computed from, so its drill-down shows exactly them.
/// </summary>
public static class DashboardCalculator
{
    public const string MethodologyVersion = "1.0";

    public const string Structure = "structure";
    public const string Investment = "investment";
    public const string Returns = "returns";
    public const string Roi = "roi";
    public const string Coverage = "coverage";
    public const string Funnel = "funnel";
    public const string Alignment = "alignment";
    public const string TrainingBases = "training-bases";
    public const string MentorHours = "mentor-hours";

    public static readonly IReadOnlyList<string> Figures = [Structure, Investment, Returns, Roi, Coverage, Funnel, Alignment, TrainingBases, MentorHours];

    private const string Count = "项", Ratio = "比例", Yuan = "元", Hours = "小时", Days = "天", People = "人", Times = "倍";
    private const string YearlyNote = "投入和成果按年填报，季度筛选不适用于本图，显示的是全年数据。";

    private static readonly OutcomeKind[] Valued =
        [OutcomeKind.GraduatesHired, OutcomeKind.TrainingHours, OutcomeKind.MentorHours, OutcomeKind.PatentsShared, OutcomeKind.TechnologyTransferred];

    public static IReadOnlyList<DashboardFigure> Compute(DashboardData data, Valuation values)
    {
        var context = new Context(data);
        return
        [
            StructureOf(context), InvestmentOf(context), ReturnsOf(context), RoiOf(context, values), CoverageOf(context),
            FunnelOf(context), AlignmentOf(context), TrainingBasesOf(context), MentorHoursOf(context),
        ];
    }

    /// <summary>What every figure reads: the period, the agreements of the year and their reports of the year.</summary>
    private sealed class Context
    {
        public Context(DashboardData data)
        {
            Data = data;
            (From, To) = data.Quarter is { } q
                ? (new DateOnly(data.Year, (q - 1) * 3 + 1, 1), new DateOnly(data.Year, (q - 1) * 3 + 1, 1).AddMonths(3).AddDays(-1))
                : (new DateOnly(data.Year, 1, 1), new DateOnly(data.Year, 12, 31));
            var inScope = data.Agreements.Select(a => a.Id).ToHashSet();
            YearAgreements = [.. data.Agreements.Where(a => a.Overlaps(new DateOnly(data.Year, 1, 1), new DateOnly(data.Year, 12, 31)))];
            Investments = [.. data.Investments.Where(i => i.Year == data.Year && inScope.Contains(i.AgreementId))];
            Outcomes = [.. data.Outcomes.Where(o => o.Year == data.Year && inScope.Contains(o.AgreementId))];
            ConfirmedInvestments = [.. Investments.Where(i => i.Status == ReportStatus.Confirmed)];
            ConfirmedOutcomes = [.. Outcomes.Where(o => o.Status == ReportStatus.Confirmed)];
            var withOutcomes = YearAgreements.Count(a => Outcomes.Any(o => o.AgreementId == a.Id));
            _agreementPart = (YearAgreements.Count, withOutcomes);
        }

        private readonly (int Agreements, int WithOutcomes) _agreementPart;

        public DashboardData Data { get; }
        public DateOnly From { get; }
        public DateOnly To { get; }
        public List<AgreementFact> YearAgreements { get; }
        public List<InvestmentFact> Investments { get; }
        public List<OutcomeFact> Outcomes { get; }
        public List<InvestmentFact> ConfirmedInvestments { get; }
        public List<OutcomeFact> ConfirmedOutcomes { get; }

        public IReadOnlyList<string> QuarterNote => Data.Quarter is null ? [] : [YearlyNote];

        public FigureCompleteness Completeness(bool investments = true, bool outcomes = true)
        {
            var statuses = (investments ? Investments.Select(i => i.Status) : []).Concat(outcomes ? Outcomes.Select(o => o.Status) : []).ToList();
            var (agreements, withOutcomes) = _agreementPart;
            return new FigureCompleteness(agreements, withOutcomes, Rates.Share(withOutcomes, agreements), statuses.Count,
                Rates.Share(statuses.Count(s => s == ReportStatus.Confirmed), statuses.Count),
                Rates.Share(statuses.Count(s => s == ReportStatus.Disputed), statuses.Count),
                Rates.Share(statuses.Count(s => s == ReportStatus.Reported), statuses.Count));
        }
    }

    private static DashboardFigure StructureOf(Context c)
    {
        var agreements = c.Data.Agreements.Where(a => a.Overlaps(c.From, c.To)).ToList();
        var entity = agreements.Count(a => a.RunsAsEntity);
        var rows = new List<FigureRow> { new("agreements", "合作协议", agreements.Count, Count) };
        rows.AddRange(Enum.GetValues<CooperationMode>().Where(m => m != CooperationMode.None)
            .Select(m => new FigureRow($"mode:{m}", CooperationNames.Of(m), agreements.Count(a => a.Modes.HasFlag(m)), Count)));
        rows.Add(new("entity", "实体运作", entity, Count));
        rows.Add(new("entityShare", "实体运作占比", Rates.Share(entity, agreements.Count), Ratio));
        rows.Add(new("paper", "协议合作（仅签协议）", agreements.Count - entity, Count));
        rows.Add(new("paperShare", "协议合作占比", Rates.Share(agreements.Count - entity, agreements.Count), Ratio));
        return new DashboardFigure(Structure, "合作结构：合作方式与实体运作", rows, c.Completeness(),
            [.. agreements.Select(a => new RecordRef(RecordRef.Agreement, a.Id))], ["一项协议可包含多种合作方式，各方式的协议数之和可大于协议总数。"]);
    }

    private static DashboardFigure InvestmentOf(Context c)
    {
        var rows = new List<FigureRow>();
        foreach (var (byEnterprise, who) in new[] { (true, "企业"), (false, "院校及其他") })
        {
            var side = c.ConfirmedInvestments.Where(i => i.ByEnterprise == byEnterprise).ToList();
            var key = byEnterprise ? "enterprise" : "college";
            rows.Add(new($"{key}:funds", $"{who}投入资金（实际到位）", side.Sum(i => i.Funds), Yuan));
            rows.Add(new($"{key}:equipment", $"{who}投入设备（价值）", side.Sum(i => i.EquipmentValue), Yuan));
            rows.Add(new($"{key}:staffHours", $"{who}投入人员工时", side.Sum(i => (long)i.StaffHours), Hours));
        }
        return new DashboardFigure(Investment, "合作投入（已确认）", rows, c.Completeness(outcomes: false),
            [.. c.ConfirmedInvestments.Select(i => new RecordRef(RecordRef.Investment, i.Id))], c.QuarterNote);
    }

    private static DashboardFigure ReturnsOf(Context c)
    {
        var rows = Enum.GetValues<OutcomeKind>()
            .Select(k => new FigureRow($"kind:{k}", CooperationNames.Of(k), c.ConfirmedOutcomes.Where(o => o.Kind == k).Sum(o => (long)o.Quantity), Unit(k)))
            .ToList();
        rows.Add(new("technologyValue", "技术转让合同金额", c.ConfirmedOutcomes.Sum(o => o.ContractValue ?? 0), Yuan));
        return new DashboardFigure(Returns, "合作成果（已确认）", rows, c.Completeness(investments: false),
            [.. c.ConfirmedOutcomes.Select(o => new RecordRef(RecordRef.Outcome, o.Id))], c.QuarterNote);
    }

    private static string Unit(OutcomeKind kind) => kind switch
    {
        OutcomeKind.GraduatesHired or OutcomeKind.InternsHosted => People,
        OutcomeKind.TrainingHours or OutcomeKind.MentorHours => "课时",
        OutcomeKind.PatentsShared => "件",
        OutcomeKind.CoursesBuilt => "门",
        _ => Count,
    };

    /// <summary>A valued part: how many units, what one is worth, and whether it is a return (else an investment).</summary>
    private sealed record Part(string Key, string Label, double Quantity, ValueRange Value, bool IsReturn);

    private static DashboardFigure RoiOf(Context c, Valuation v)
    {
        var outcomes = c.ConfirmedOutcomes.Where(o => Valued.Contains(o.Kind)).ToList();
        var investments = c.ConfirmedInvestments.Where(i => i.ByEnterprise).ToList();
        double Quantity(OutcomeKind kind) => outcomes.Where(o => o.Kind == kind).Sum(o => (double)o.Quantity);
        Part[] parts =
        [
            new("GraduateHired", "每名录用毕业生", Quantity(OutcomeKind.GraduatesHired), v.GraduateHired, true),
            new("TrainingHour", "每培训课时", Quantity(OutcomeKind.TrainingHours), v.TrainingHour, true),
            new("MentorHour", "每导师授课课时", Quantity(OutcomeKind.MentorHours), v.MentorHour, true),
            new("PatentShared", "每件共享专利", Quantity(OutcomeKind.PatentsShared), v.PatentShared, true),
            new("EquipmentYuan", "每元设备投入", investments.Sum(i => (double)i.EquipmentValue), v.EquipmentYuan, false),
            new("StaffHour", "每人员工时", investments.Sum(i => (double)i.StaffHours), v.StaffHour, false),
        ];
        var fixedReturns = outcomes.Sum(o => (double)(o.ContractValue ?? 0));
        var funds = investments.Sum(i => (double)i.Funds);
        double ValuedReturns(Func<Part, double> value) => fixedReturns + parts.Where(p => p.IsReturn).Sum(p => p.Quantity * value(p));
        double ValuedInvestment(Func<Part, double> value) => funds + parts.Where(p => !p.IsReturn).Sum(p => p.Quantity * value(p));
        static double? Quotient(double returns, double invested) => invested > 0 ? Rates.Round(returns / invested) : null;

        var central = Quotient(ValuedReturns(p => p.Value.Central), ValuedInvestment(p => p.Value.Central));
        var rows = new List<FigureRow>
        {
            // ROI rises with every return value and falls with every investment value: these two choices are its bounds.
            new("roi", "投资回报率（ROI，折算回报 / 企业折算投入）", central, Times,
                Quotient(ValuedReturns(p => p.Value.Low), ValuedInvestment(p => p.Value.High)), Quotient(ValuedReturns(p => p.Value.High), ValuedInvestment(p => p.Value.Low))),
            new("valuedReturns", "折算回报", Rates.Round(ValuedReturns(p => p.Value.Central), 2), Yuan,
                Rates.Round(ValuedReturns(p => p.Value.Low), 2), Rates.Round(ValuedReturns(p => p.Value.High), 2)),
            new("valuedInvestment", "企业折算投入", Rates.Round(ValuedInvestment(p => p.Value.Central), 2), Yuan,
                Rates.Round(ValuedInvestment(p => p.Value.Low), 2), Rates.Round(ValuedInvestment(p => p.Value.High), 2)),
        };
        foreach (var part in parts)
        {
            double At(Part p, double bound) => p == part ? bound : p.Value.Central;
            rows.Add(new($"sensitivity:{part.Key}", $"{part.Label}的折算值取低限 / 高限时的 ROI", central, Times,
                Quotient(ValuedReturns(p => At(p, part.Value.Low)), ValuedInvestment(p => At(p, part.Value.Low))),
                Quotient(ValuedReturns(p => At(p, part.Value.High)), ValuedInvestment(p => At(p, part.Value.High)))));
        }
        var notes = new List<string> { "接收实习生和共建课程不折算为金额，不计入 ROI（见合作成果）。" };
        if (central is null) notes.Add("没有已确认的企业投入，ROI 无法计算。");
        notes.AddRange(c.QuarterNote);
        return new DashboardFigure(Roi, "企业投入回报率（含敏感性区间）", rows, c.Completeness(),
            [.. investments.Select(i => new RecordRef(RecordRef.Investment, i.Id)), .. outcomes.Select(o => new RecordRef(RecordRef.Outcome, o.Id))], notes);
    }

    private static DashboardFigure CoverageOf(Context c)
    {
        var programmes = c.Data.Programmes.Select(p => p.Id).ToHashSet();
        var coInvested = c.YearAgreements
            .Where(a => a.Status != AgreementStatus.Suspended && a.ProgrammeId is { } p && programmes.Contains(p))
            .Select(a => (Agreement: a, Investments: c.ConfirmedInvestments.Where(i => i.AgreementId == a.Id).ToList()))
            .Where(x => x.Investments.Select(i => i.PartyId).Distinct().Count() >= 2)
            .ToList();
        var covered = coInvested.Select(x => x.Agreement.ProgrammeId!.Value).Distinct().ToList();
        var rows = new List<FigureRow>
        {
            new("programmes", "专业数", programmes.Count, Count),
            new("covered", "有双方均已确认投入的合作协议的专业数", covered.Count, Count),
            new("coverage", "共投共建覆盖率", Rates.Share(covered.Count, programmes.Count), Ratio),
            new("keyCoverage", "重点专业覆盖率", null, Ratio),
        };
        return new DashboardFigure(Coverage, "共投共建覆盖率", rows, c.Completeness(),
            [
                .. covered.Select(p => new RecordRef(RecordRef.Programme, p)),
                .. coInvested.Select(x => new RecordRef(RecordRef.Agreement, x.Agreement.Id)),
                .. coInvested.SelectMany(x => x.Investments).Select(i => new RecordRef(RecordRef.Investment, i.Id)),
            ],
            ["专业数据尚未标注重点专业，无法计算重点专业覆盖率。", .. c.QuarterNote]);
    }

    private static DashboardFigure FunnelOf(Context c)
    {
        var from = c.From.ToDateTime(TimeOnly.MinValue);
        var to = c.To.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var demands = c.Data.Demands.Where(d => d.OpenedAt >= from && d.OpenedAt < to).ToList();
        var proposals = c.Data.Proposals.ToLookup(p => p.DemandId);
        var hires = c.Data.Outcomes.Where(o => o.Kind == OutcomeKind.GraduatesHired && o.Status == ReportStatus.Confirmed && o.ReviewedAt is not null)
            .ToLookup(o => o.AgreementId);
        var records = demands.Select(d => new RecordRef(RecordRef.Demand, d.Id)).ToList();
        int matched = 0, proposed = 0, agreed = 0, hired = 0;
        List<double> toProposal = [], toAgreement = [], toHire = [];
        foreach (var demand in demands.Where(d => d.Matchable))
        {
            matched++;
            // A proposal sent before the demand was published cannot be about it: an inconsistent record, not counted.
            var own = proposals[demand.Id].Where(p => p.CreatedAt >= demand.OpenedAt).OrderBy(p => p.CreatedAt).ToList();
            if (own.Count == 0) continue;
            proposed++;
            toProposal.Add((own[0].CreatedAt - demand.OpenedAt).TotalDays);
            records.AddRange(own.Select(p => new RecordRef(RecordRef.Proposal, p.Id)));
            var accepted = own.Where(p => p.AgreementId is not null && p.AnsweredAt is not null).OrderBy(p => p.AnsweredAt).ToList();
            if (accepted.Count == 0) continue;
            agreed++;
            toAgreement.Add((accepted[0].AnsweredAt!.Value - own[0].CreatedAt).TotalDays);
            records.AddRange(accepted.Select(p => new RecordRef(RecordRef.Agreement, p.AgreementId!.Value)));
            var confirmed = accepted.SelectMany(p => hires[p.AgreementId!.Value]).OrderBy(o => o.ReviewedAt).ToList();
            if (confirmed.Count == 0) continue;
            hired++;
            toHire.Add((confirmed[0].ReviewedAt!.Value - accepted[0].AnsweredAt!.Value).TotalDays);
            records.AddRange(confirmed.Select(o => new RecordRef(RecordRef.Outcome, o.Id)));
        }
        static double? MedianDays(List<double> values) => Rates.Median(values) is { } m ? Rates.Round(m, 1) : null;
        var rows = new List<FigureRow>
        {
            new("demands", "发布的用人需求", demands.Count, Count),
            new("matched", "有可匹配的专业", matched, Count),
            new("proposed", "发出合作提议", proposed, Count),
            new("agreed", "达成合作协议", agreed, Count),
            new("hired", "确认录用毕业生", hired, Count),
            new("rate:matched", "需求 → 匹配", Rates.Share(matched, demands.Count), Ratio),
            new("rate:proposed", "匹配 → 提议", Rates.Share(proposed, matched), Ratio),
            new("rate:agreed", "提议 → 协议", Rates.Share(agreed, proposed), Ratio),
            new("rate:hired", "协议 → 确认录用", Rates.Share(hired, agreed), Ratio),
            new("rate:overall", "需求 → 确认录用", Rates.Share(hired, demands.Count), Ratio),
            new("days:proposal", "需求发布到首次提议（中位数）", MedianDays(toProposal), Days),
            new("days:agreement", "首次提议到达成协议（中位数）", MedianDays(toAgreement), Days),
            new("days:hire", "达成协议到首次确认录用（中位数）", MedianDays(toHire), Days),
        };
        return new DashboardFigure(Funnel, "转化漏斗：需求 → 匹配 → 提议 → 协议 → 确认录用", rows, c.Completeness(), records,
            ["每一阶段只计入也到达了前一阶段的需求；“匹配”指有获批院校开设与需求职业对应的专业，匹配查询本身不作记录、不计入。"]);
    }

    private static DashboardFigure AlignmentOf(Context c)
    {
        string[] groups = ["short", "balanced", "surplus", "uncovered"];
        var plans = groups.ToDictionary(g => g, _ => 0.0);
        var graduates = groups.ToDictionary(g => g, _ => 0.0);
        var counted = c.Data.Programmes.Where(p => p.Planned > 0 || p.Graduates > 0).ToList();
        foreach (var programme in counted)
        {
            if (programme.OccupationCodes.Count == 0)
            {
                plans["uncovered"] += programme.Planned;
                graduates["uncovered"] += programme.Graduates;
                continue;
            }
            foreach (var occupation in programme.OccupationCodes)
            {
                var group = c.Data.OccupationBands.TryGetValue(occupation, out var band) ? GroupOf(band) : "uncovered";
                plans[group] += (double)programme.Planned / programme.OccupationCodes.Count;
                graduates[group] += (double)programme.Graduates / programme.OccupationCodes.Count;
            }
        }
        var labels = new Dictionary<string, string> { ["short"] = "紧缺（含偏紧）职业", ["balanced"] = "供需平衡职业", ["surplus"] = "供过于求职业", ["uncovered"] = "晴雨表未覆盖" };
        var rows = new List<FigureRow>();
        foreach (var (key, label, totals) in new[] { ("plans", "招生计划", plans), ("graduates", "毕业生", graduates) })
        {
            var total = totals.Values.Sum();
            foreach (var g in groups)
            {
                rows.Add(new($"{key}:{g}", $"{label}：{labels[g]}", Rates.Round(totals[g], 2), People));
                rows.Add(new($"{key}:{g}:share", $"{label}：{labels[g]}占比", Rates.Share(totals[g], total), Ratio));
            }
        }
        var notes = new List<string>
        {
            c.Data.BarometerEdition is { } edition ? $"职业供需状态取自最新发布的晴雨表（{edition}）。" : "尚未发布晴雨表，所有专业计为“晴雨表未覆盖”。",
            "一个专业对应多个职业时，其人数在这些职业间平均分配。",
        };
        return new DashboardFigure(Alignment, "供给匹配度：招生计划与毕业生所对应职业的供需状态", rows, c.Completeness(),
            [.. counted.Select(p => new RecordRef(RecordRef.Programme, p.Id))], notes);
    }

    private static string GroupOf(Band band) => band switch
    {
        Band.Shortage or Band.Tight => "short",
        Band.Balanced => "balanced",
        _ => "surplus",
    };

    private static DashboardFigure TrainingBasesOf(Context c)
    {
        var bases = c.Data.TrainingBases.Where(b => b.CapacityHoursPerYear > 0).ToList();
        IEnumerable<int> quarters = c.Data.Quarter is { } only ? [only] : Enumerable.Range(1, 4);
        var rows = new List<FigureRow>();
        foreach (var number in quarters)
        {
            var quarter = new Common.Quarter(c.Data.Year, number);
            var used = bases.Sum(b => (long)b.Usage.Where(u => u.Quarter == quarter).Sum(u => u.Hours));
            var capacity = bases.Sum(b => b.CapacityHoursPerYear / 4.0);
            var name = string.Create(CultureInfo.InvariantCulture, $"{c.Data.Year}年第{number}季度");
            rows.Add(new($"utilisation:{quarter}", $"{name}利用率", Rates.Share(used, capacity), Ratio));
            rows.Add(new($"hours:{quarter}", $"{name}使用时数", used, "工位小时"));
        }
        return new DashboardFigure(TrainingBases, "实训基地利用率", rows, c.Completeness(),
            [.. bases.Select(b => new RecordRef(RecordRef.TrainingBase, b.Id))], ["实训基地的使用时数由基地所属单位自行填报，未经合作方确认。"]);
    }

    private static DashboardFigure MentorHoursOf(Context c)
    {
        var inScope = c.Data.Agreements.Select(a => a.Id).ToHashSet();
        var years = Enumerable.Range(c.Data.Year - 4, 5).ToList();
        var mentor = c.Data.Outcomes.Where(o => o.Kind == OutcomeKind.MentorHours && o.Status == ReportStatus.Confirmed && years.Contains(o.Year)
            && inScope.Contains(o.AgreementId)).ToList();
        var rows = years.Select(y => new FigureRow(string.Create(CultureInfo.InvariantCulture, $"year:{y}"), string.Create(CultureInfo.InvariantCulture, $"{y}年已确认导师授课课时"),
            mentor.Where(o => o.Year == y).Sum(o => (long)o.Quantity), "课时")).ToList();
        rows.Add(new("declared", "资源地图登记的导师累计授课课时", c.Data.MentorDeclaredHours, "课时"));
        return new DashboardFigure(MentorHours, "产业导师授课课时（近五年）", rows, c.Completeness(investments: false),
            [.. mentor.Select(o => new RecordRef(RecordRef.Outcome, o.Id))], ["资源地图中的导师课时由企业自行登记，未经院校确认，只作参考。", .. c.QuarterNote]);
    }
}
