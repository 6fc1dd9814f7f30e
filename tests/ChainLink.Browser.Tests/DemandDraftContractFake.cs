using System.Text.Json;
using Microsoft.Playwright;

namespace ChainLink.Browser.Tests;

/// <summary>
/// Answers POST /api/demands/draft (contract A of issue 16) and POST /api/occupations/suggest (contract C) in the browser,
/// shaped exactly as the contracts say, so the page that posts a demand from pasted text is tested before those
/// endpoints are merged. The spans are found in the text the page really posts; the codes are real taxonomy codes, so
/// the demand the test then posts passes the real API's validation.
/// </summary>
internal static class DemandDraftContractFake
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Ad = "鄂尔多斯某新能源企业招聘光伏电站运维技术员 6 名：负责光伏电站运维与逆变器检修，持电工证者优先。月薪 6000–8000 元，高职专科及以上。";

    /// <summary>The skills the fake finds: code, name, the words in the ad, essential.</summary>
    public static readonly (string Code, string Name, string Words, bool Essential)[] Skills =
    [
        ("SK0044", "光伏电站运维", "光伏电站运维", true),
        ("SK0045", "逆变器检修", "逆变器检修", true),
        ("SK0003", "电工作业", "电工证", false),
    ];

    public const string SuggestedOccupation = "光伏发电运维值班员";

    public static async Task InstallAsync(IPage page)
    {
        await page.RouteAsync("**/api/demands/draft", route =>
        {
            var text = route.Request.PostDataJSON()?.GetProperty("text").GetString() ?? "";
            var now = DateTime.UtcNow;
            var later = now.AddMonths(6);
            return Fulfil(route, new
            {
                title = "光伏电站运维技术员",
                description = text,
                skills = Skills.Select(s => new
                {
                    skillCode = s.Code, name = s.Name, essential = s.Essential, level = 2,
                    matches = Spans(text, s.Words).Select(start => new { start, length = s.Words.Length, text = s.Words }).ToArray(),
                }),
                unknownTerms = new[] { "新能源企业" },
                regionCode = "150600",
                educationLevel = "HigherVocational",
                headcount = 6,
                neededBy = $"{later.Year}Q{(later.Month - 1) / 3 + 1}",
                salaryMin = 6000,
                salaryMax = 8000,
                guesses = new[] { new { field = "regionCode", text = "鄂尔多斯", reason = "启事中提到的地名" } },
            });
        });
        await page.RouteAsync("**/api/occupations/suggest", route => Fulfil(route, new
        {
            items = new[]
            {
                new { code = "6-28-01-10", name = SuggestedOccupation, score = 0.82, reasons = new[] { "必备技能 光伏电站运维、逆变器检修 属于该职业", "职业名称与启事标题相近" }, skills = new[] { "SK0044", "SK0045" } },
                new { code = "6-28-01-12", name = "风力发电运维值班员", score = 0.41, reasons = new[] { "同属发电运维类职业" }, skills = new[] { "SK0003" } },
            },
        }));
    }

    private static IEnumerable<int> Spans(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + words.Length, StringComparison.Ordinal))
            yield return at;
    }

    private static Task Fulfil(IRoute route, object body) =>
        route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(body, Json) });
}
