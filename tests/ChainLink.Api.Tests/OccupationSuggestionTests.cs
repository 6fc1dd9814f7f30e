using System.Net;
using System.Text.Json;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OccupationSuggestionTests(ChainLinkApiFactory api)
{
    private async Task<HttpResponseMessage> SuggestAsync(object body) =>
        await (await api.ClientForAsync(Enterprise)).PostJsonAsync("/api/occupations/suggest", body);

    private static List<JsonElement> Items(JsonElement body) => body.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_welding_posting_suggests_the_welder_first_with_chinese_reasons_and_shared_skills()
    {
        var body = await (await SuggestAsync(new { text = "招聘电焊工：会氩弧焊、二保焊，能看懂焊接图纸，持焊工证" })).JsonAsync(HttpStatusCode.OK);

        var items = Items(body);
        Assert.Equal(5, items.Count);
        var first = items[0];
        Assert.Equal("6-18-02-04", first.GetProperty("code").GetString());
        Assert.Equal("焊工", first.GetProperty("name").GetString());
        Assert.Contains(first.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("共有技能", StringComparison.Ordinal));
        Assert.Contains("SK0127", first.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(items, i => Assert.Matches(@"^\d-\d{2}-\d{2}-\d{2}$", i.GetProperty("code").GetString()!));
    }

    [Fact]
    public async Task Skill_codes_alone_rank_occupations_and_top_limits_the_list()
    {
        var body = await (await SuggestAsync(new { skills = new[] { "SK0037", "SK0039" }, top = 2 })).JsonAsync(HttpStatusCode.OK);

        var items = Items(body);
        Assert.Equal(2, items.Count);
        Assert.Equal("6-28-01-12", items[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Neither_text_nor_skills_is_a_400_naming_the_problem_in_chinese()
    {
        var problem = await (await SuggestAsync(new { text = "  " })).AssertFieldErrorAsync("text");

        Assert.Contains("至少一项", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_skill_codes_and_top_out_of_range_are_400s()
    {
        await (await SuggestAsync(new { skills = new[] { "SK9999" } })).AssertFieldErrorAsync("skills[0]");
        await (await SuggestAsync(new { text = "焊工", top = 21 })).AssertFieldErrorAsync("top");
        await (await SuggestAsync(new { text = "焊工", top = 0 })).AssertFieldErrorAsync("top");
    }

    [Fact]
    public async Task Suggestion_needs_a_signed_in_caller()
    {
        using var anonymous = api.CreateClient();

        var response = await anonymous.PostJsonAsync("/api/occupations/suggest", new { text = "焊工" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
