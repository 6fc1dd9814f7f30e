using System.Text.Json;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>
/// Answers the barometer routes in the browser with responses shaped exactly as the barometer API contract says, so the
/// page's drawing code is tested before the real API is merged. The figures are made up for the test; the codes are real.
/// </summary>
internal static class BarometerContractFake
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (string Code, string Name, int Demand, int Supply, string Band)[] Occupations =
    [
        ("6-28-01-12", "风力发电运维值班员", 180, 60, "shortage"),
        ("6-31-01-03", "电工", 240, 150, "tight"),
        ("4-04-05-02", "计算机软件测试员", 90, 95, "balanced"),
    ];

    public const int RankingCount = 3;

    public static async Task InstallAsync(IPage page)
    {
        var edition = new
        {
            quarter = "2026Q3", revision = 1, revisionKind = "initial", note = (string?)null, methodologyVersion = "2.0",
            computedAt = "2026-10-01T02:00:00Z", isLatest = true,
            sourceCounts = new { demands = 1500, enterprises = 40, programmes = 120, colleges = 15 },
            units = new { changeOnQuarter = new { unit = "ratioPoints", description = "供需比之差（不是百分比）" } },
            legend = new { suppressed = "不予公布（表中显示为“—”）", empty = "空白：既没有需求也没有供给" },
        };
        await page.RouteAsync("**/api/barometer/editions", route => Fulfil(route, new[] { edition }));
        await page.RouteAsync("**/api/barometer/editions/2026Q3/ranking?*", route => Fulfil(route, new
        {
            quarter = "2026Q3", revision = 1, minimumDemand = 20,
            items = Occupations.Select((o, i) => new { rank = i + 1, occupationCode = o.Code, occupationName = o.Name, demand = o.Demand, supply = o.Supply,
                ratio = Math.Round((double)o.Demand / o.Supply, 2), band = o.Band }),
        }));
        await page.RouteAsync("**/api/barometer/editions/2026Q3/segments?*", route =>
        {
            var query = new Uri(route.Request.Url).Query;
            object[] cells = query.Contains("type=clusterRegion", StringComparison.Ordinal)
                ?
                [
                    Cell("clusterRegion", "NE-WIND", "新能源·风电", "150900", "乌兰察布市", 120, 40, "shortage"),
                    Cell("clusterRegion", "NE-WIND", "新能源·风电", "152500", "锡林郭勒盟", 60, 50, "tight"),
                    Cell("clusterRegion", "NE-SOLAR", "新能源·光伏", "150600", "鄂尔多斯市", 70, 90, "surplus"),
                    Cell("clusterRegion", "NE-SOLAR", "新能源·光伏", "150900", "乌兰察布市", null, null, null, suppressed: true),
                ]
                : [Cell("occupation", "6-28-01-12", "风力发电运维值班员", null, null, 180, 60, "shortage")];
            return Fulfil(route, new { quarter = "2026Q3", revision = 1, cells });
        });
    }

    private static object Cell(string type, string code, string name, string? regionCode, string? regionName, int? demand, int? supply, string? band, bool suppressed = false)
    {
        double? ratio = demand is { } d && supply is { } s ? Math.Round((double)d / s, 2) : null;
        var history = Enumerable.Range(0, 8).Select(i => new { quarter = $"{2024 + (i + 3) / 4}Q{(i + 3) % 4 + 1}", demand = 100 + 10 * i, supply = 60, ratio = Math.Round((100 + 10 * i) / 60.0, 2) });
        var forecast = Enumerable.Range(0, 4).Select(i => new { quarter = $"{2026 + (i + 3) / 4}Q{(i + 3) % 4 + 1}", ratio = 3.0 + 0.1 * i, lower = 2.6 + 0.05 * i, upper = 3.4 + 0.15 * i });
        return new
        {
            segmentType = type, code, name, regionCode, regionName, demand, supply, ratio, band,
            changeOnQuarter = suppressed ? (double?)null : 0.1, changeOnYear = suppressed ? (double?)null : 0.4,
            history = suppressed ? [] : history.ToArray(), forecast = suppressed ? [] : forecast.ToArray(),
            warning = band == "shortage" ? "enteredShortage" : null,
            suppressed, suppressionReason = suppressed ? "少于 5 家企业，不发布" : null,
        };
    }

    private static Task Fulfil(IRoute route, object body) =>
        route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(body, Json) });
}
