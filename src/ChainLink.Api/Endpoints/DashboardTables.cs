using ChainLink.Api.Infrastructure;
using ChainLink.Application.Dashboard;
using ChainLink.Domain.Dashboard;

namespace ChainLink.Api.Endpoints;

/// <summary>The dashboard's tables with Chinese headers, for CSV and Excel downloads.</summary>
internal static class DashboardTables
{
    public static ExportTable Of(DashboardFigure figure)
    {
        var c = figure.Completeness;
        IReadOnlyList<object?>[] completeness =
        [
            ["completeness:agreements", "数据完整度：本年合作协议数", c.Agreements, "项", null, null],
            ["completeness:outcomeReportedShare", "数据完整度：已填报成果的协议占比", c.OutcomeReportedShare, "比例", null, null],
            ["completeness:reports", "数据完整度：本年填报的投入和成果记录数", c.Reports, "项", null, null],
            ["completeness:confirmedShare", "数据完整度：已确认占比", c.ConfirmedShare, "比例", null, null],
            ["completeness:disputedShare", "数据完整度：有异议占比", c.DisputedShare, "比例", null, null],
            ["completeness:awaitingShare", "数据完整度：待确认占比", c.AwaitingShare, "比例", null, null],
        ];
        return new ExportTable(figure.Title, ["指标代码", "指标", "数值", "单位", "低限", "高限"],
            [.. figure.Rows.Select(r => (IReadOnlyList<object?>)[r.Key, r.Label, r.Value, r.Unit, r.Low, r.High]), .. completeness]);
    }

    public static ExportTable Of(FigureRecordsDto records) => new($"{records.Title}（明细）",
        ["类型", "编号", "名称", "相关单位", "协议编号", "年份", "类别", "数量", "金额（元）", "状态", "异议次数", "日期"],
        [.. records.Records.Select(r => (IReadOnlyList<object?>)[r.Type, r.Id, r.Name, r.Organisations, r.AgreementId, r.Year, r.Kind, r.Quantity, r.Amount,
            r.Status, r.DisputeCount, r.Date])]);

    public static ExportTable Of(IReadOnlyList<GraduateOutcomeDto> rows) => new("毕业生就业质量",
        ["院校", "专业", "专业代码", "校区地区", "毕业年份", "毕业生数", "半年后就业人数", "专业相关就业人数", "一年后仍在首份工作单位人数", "起薪中位数（元/月）",
            "就业率", "专业相关度", "稳定率", "经合作确认的录用人数", "版本"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.CollegeName, r.ProgrammeName, r.MajorCode, r.CampusRegionCode, r.GraduationYear, r.Graduates,
            r.EmployedAtSixMonths, r.EmployedInMajor, r.RetainedAfterYear, r.MedianStartingPay, r.EmploymentRate, r.RelevanceRate, r.RetentionRate, r.VerifiedHires,
            r.Version])]);

    public static ExportTable Of(IReadOnlyList<GraduateOutcomeAggregateDto> cells) => new("毕业生就业质量汇总",
        ["代码", "名称", "毕业年份", "院校数", "专业数", "毕业生数", "半年后就业人数", "专业相关就业人数", "一年后仍在首份工作单位人数", "就业率", "专业相关度", "稳定率",
            "起薪中位数（元/月）", "经合作确认的录用人数", "不予公布", "原因"],
        [.. cells.Select(r => (IReadOnlyList<object?>)[r.Key, r.Name, r.Year, r.Colleges, r.Programmes, r.Graduates, r.EmployedAtSixMonths, r.EmployedInMajor,
            r.RetainedAfterYear, r.EmploymentRate, r.RelevanceRate, r.RetentionRate, r.MedianStartingPay, r.VerifiedHires, r.Suppressed ? "是" : "否",
            r.SuppressionReason])]);
}
