namespace ChainLink.Application.Barometer;

/// <summary>
/// What an edition's figures are measured in and what its suppressed and empty cells mean (methodology §11). Only
/// editions computed under methodology 2.0 or later carry them: a 1.0 edition is served exactly as it was published.
/// </summary>
public static class BarometerReadingAids
{
    private const string FirstVersion = "1.0";

    public static bool AppliesTo(string methodologyVersion) => methodologyVersion != FirstVersion;

    public static readonly IReadOnlyDictionary<string, FieldUnit> Units = new Dictionary<string, FieldUnit>
    {
        ["demand"] = new("persons", "人：本季度开放的需求所招的人数之和。"),
        ["supply"] = new("persons", "人：本季度进入市场的毕业生人数，四舍五入到整人（0.5 进位）。"),
        ["ratio"] = new("ratio", "倍：需求人数 ÷ 供给人数，由未取整的需求和供给算出，保留 4 位小数；供给为 0 时为空。"),
        ["changeOnQuarter"] = new("ratioPoints", "供需比之差（不是百分比）：本季度的供需比减上一季度的供需比，保留 4 位小数；0.5 表示每名供给对应的需求多了 0.5 人。"),
        ["changeOnYear"] = new("ratioPoints", "供需比之差（不是百分比）：本季度的供需比减去年同一季度的供需比，保留 4 位小数。"),
        ["history"] = new("persons, ratio", "过去 12 个季度的需求（人）、供给（人）和供需比（倍），单位同上。"),
        ["forecast"] = new("ratio", "今后 4 个季度的预测供需比（倍）；lower 与 upper 是 80% 预测区间的下限和上限。"),
    };

    public static readonly IReadOnlyDictionary<string, string> Legend = new Dictionary<string, string>
    {
        ["suppressed"] = "不予公布（表中显示为“—”）：为保护企业的商业信息，该格本季度的需求、供给、供需比、状态、变化和预警都不公布，原因写在该格的 suppressionReason。",
        ["fewContributors"] = "需求来自的单位少于规定家数（默认 3 家）时不予公布：单位太少，公布的人数能推算出某一家的招聘计划。",
        ["dominance"] = "最大的 2 家单位占需求的比例超过规定份额（默认 85%）时不予公布：公布的人数几乎就是这两家的招聘计划。",
        ["secondary"] = "本方法不做二次隐藏：合计（如全区）减去已公布的各盟市可能接近被隐藏的格，请勿这样推算。",
        ["empty"] = "空白：该季度这一分段既没有需求也没有供给，不是被隐藏的数据。",
        ["noRatio"] = "有需求而供给为 0 时，供需比、状态和变化为空：无法计算（页面上显示“无供给”）。",
    };
}
