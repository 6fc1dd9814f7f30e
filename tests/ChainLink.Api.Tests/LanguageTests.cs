using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Messages people read follow Accept-Language: Chinese by default and for zh-CN, FluentValidation's English for en.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class LanguageTests(ChainLinkApiFactory api)
{
    private static Dictionary<string, object?> BadDemand()
    {
        var demand = DemandTests.ValidDemand();
        demand["title"] = "";
        demand["educationLevel"] = 0;
        demand["headcount"] = 0;
        demand["regionCode"] = "000000";
        demand["salaryMin"] = 9000;
        demand["salaryMax"] = 6000;
        return demand;
    }

    private async Task<(JsonElement Problem, Dictionary<string, string[]> Errors)> PostAsync(string url, object body, string? language, string? as_ = Enterprise)
    {
        var client = as_ is null ? api.CreateClient() : await api.ClientForAsync(as_);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        return (problem, errors);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData(null)]
    public async Task A_bad_demand_is_explained_only_in_Chinese_by_default_and_for_zh_CN(string? language)
    {
        var (problem, errors) = await PostAsync("/api/demands", BadDemand(), language);

        Assert.Equal(["educationLevel", "headcount", "regionCode", "salaryMax", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'学历层次' 的值范围不包含 '0'。", Assert.Single(errors["educationLevel"]));
        Assert.Contains("招聘人数", errors["headcount"][0], StringComparison.Ordinal);
        var messages = errors.Values.SelectMany(m => m).Append(problem.GetProperty("title").GetString()!).ToList();
        Assert.All(messages, m => Assert.False(Latin().IsMatch(m), $"English in a message for people: {m}"));
    }

    [Fact]
    public async Task A_bad_demand_is_explained_in_FluentValidations_English_for_en()
    {
        var (_, errors) = await PostAsync("/api/demands", BadDemand(), "en");

        Assert.Equal("'Education Level' has a range of values which does not include '0'.", Assert.Single(errors["educationLevel"]));
        Assert.StartsWith("'Headcount' must be between 1 and ", errors["headcount"][0], StringComparison.Ordinal);
        Assert.Equal("'Title' must not be empty.", errors["title"][0]);
    }

    [Theory]
    [InlineData("zh-CN", "密码至少需要一个数字（0-9）。")]
    [InlineData("en", "Passwords must have at least one digit ('0'-'9').")]
    public async Task A_weak_password_on_registration_is_refused_in_the_requests_language(string language, string expected)
    {
        var (_, errors) = await PostAsync("/api/auth/register", new
        {
            email = $"weak-{Guid.NewGuid():N}@example.cn", password = "abcdefgh", organisationName = $"语言测试企业{Guid.NewGuid():N}",
            kind = "Enterprise", regionCode = "150200",
        }, language, as_: null);

        Assert.Contains(expected, errors["password"]);
    }

    [Fact]
    public async Task The_frameworks_own_problems_have_Chinese_titles()
    {
        var college = await api.ClientForAsync(College);
        var forbidden = await (await college.PostJsonAsync("/api/demands/draft", new { text = "招聘电工" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("无权执行此操作。", forbidden.GetProperty("title").GetString());

        using var anonymous = api.CreateClient();
        var unauthorised = await (await anonymous.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("未登录。", unauthorised.GetProperty("title").GetString());
    }

    /// <summary>Latin letters outside the codes a message may quote (quarters such as 2027Q3).</summary>
    [GeneratedRegex(@"(?<!\d{4})[A-Za-z]|[A-Za-z](?!\d)")]
    private static partial Regex Latin();
}
