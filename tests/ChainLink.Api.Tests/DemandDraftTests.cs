using System.Net;
using System.Text.Json;
using ChainLink.Domain.Common;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DemandDraftTests(ChainLinkApiFactory api)
{
    private static readonly int NextYear = DateTimeOffset.UtcNow.Year + 1;

    private static string Ad => $"""
        鄂尔多斯某新能源公司
        现招聘光伏电站运维员 3 名，要求大专及以上学历，熟悉逆变器检修，{NextYear}年7月到岗。
        工作地点：内蒙古鄂尔多斯市。薪资 6k-8k。
        """;

    [Fact]
    public async Task An_enterprise_gets_a_demand_read_from_its_pasted_ad_and_nothing_is_saved()
    {
        var client = await api.ClientForAsync(Enterprise);
        var before = await api.QueryAsync(db => Task.FromResult(db.Demands.Count()));

        var draft = await (await client.PostJsonAsync("/api/demands/draft", new { text = Ad })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("招聘光伏电站运维员 3 名", draft.GetProperty("title").GetString());
        Assert.Equal("150600", draft.GetProperty("regionCode").GetString());
        Assert.Equal("HigherVocational", draft.GetProperty("educationLevel").GetString());
        Assert.Equal(3, draft.GetProperty("headcount").GetInt32());
        Assert.Equal($"{NextYear}Q3", draft.GetProperty("neededBy").GetString());
        Assert.Equal(6000, draft.GetProperty("salaryMin").GetInt32());
        Assert.Equal(8000, draft.GetProperty("salaryMax").GetInt32());
        Assert.Equal(Ad.Trim(), draft.GetProperty("description").GetString());

        var skills = draft.GetProperty("skills").EnumerateArray().ToList();
        Assert.NotEmpty(skills);
        Assert.All(skills, s => Assert.All(s.GetProperty("matches").EnumerateArray(), m =>
            Assert.Equal(m.GetProperty("text").GetString(), Ad.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))));
        Assert.Contains(skills, s => s.GetProperty("matches").EnumerateArray().Any(m => m.GetProperty("text").GetString() == "逆变器检修"));

        var guessed = draft.GetProperty("guesses").EnumerateArray().ToDictionary(g => g.GetProperty("field").GetString()!, g => g);
        Assert.Equal(["educationLevel", "headcount", "neededBy", "regionCode", "salaryMax", "salaryMin", "title"], guessed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("大专及以上", guessed["educationLevel"].GetProperty("text").GetString());
        Assert.Equal("鄂尔多斯", guessed["regionCode"].GetProperty("text").GetString());
        Assert.All(guessed.Values, g => Assert.False(string.IsNullOrWhiteSpace(g.GetProperty("reason").GetString())));
        Assert.Equal(before, await api.QueryAsync(db => Task.FromResult(db.Demands.Count())));
    }

    [Fact]
    public async Task A_draft_without_a_place_takes_the_region_of_the_callers_organisation()
    {
        var client = await api.ClientForAsync(Enterprise);
        var own = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        var region = await api.QueryAsync(db => Task.FromResult(db.Organisations.Single(o => o.Id == own.GetProperty("organisationId").GetGuid()).RegionCode));

        var draft = await (await client.PostJsonAsync("/api/demands/draft", new { text = "招聘电工若干名，薪资面议" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(region, draft.GetProperty("regionCode").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("headcount").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("salaryMin").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("educationLevel").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("neededBy").ValueKind);
    }

    [Fact]
    public async Task Only_enterprises_draft_and_the_text_is_at_most_8000_characters()
    {
        var college = await api.ClientForAsync(College);
        Assert.Equal(HttpStatusCode.Forbidden, (await college.PostJsonAsync("/api/demands/draft", new { text = Ad })).StatusCode);

        var enterprise = await api.ClientForAsync(Enterprise);
        await (await enterprise.PostJsonAsync("/api/demands/draft", new { text = new string('招', 8001) })).AssertFieldErrorAsync("text");
        await (await enterprise.PostJsonAsync("/api/demands/draft", new { text = "" })).AssertFieldErrorAsync("text");
        await (await enterprise.PostJsonAsync("/api/demands/draft", new { text = new string('招', 8000) })).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_past_graduation_year_is_never_a_past_needed_by()
    {
        var client = await api.ClientForAsync(Enterprise);
        var draft = await (await client.PostJsonAsync("/api/demands/draft", new { text = "面向2020届毕业生招聘焊工5名" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Quarter.Of(DateTimeOffset.UtcNow).ToString(), draft.GetProperty("neededBy").GetString());
    }
}
