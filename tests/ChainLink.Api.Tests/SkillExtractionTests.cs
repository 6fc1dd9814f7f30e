using System.Net;
using System.Text.Json;
using ChainLink.Application.Skills;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SkillExtractionTests(ChainLinkApiFactory api)
{
    private static JsonElement HitOf(JsonElement extraction, string code) =>
        Assert.Single(extraction.GetProperty("hits").EnumerateArray(), h => h.GetProperty("skillCode").GetString() == code);

    private static bool HasSkill(JsonElement extraction, string code) =>
        extraction.GetProperty("skills").EnumerateArray().Any(s => s.GetProperty("skillCode").GetString() == code);

    private async Task<JsonElement> ExtractAsync(string text)
    {
        var client = await api.ClientForAsync(Enterprise);
        return await (await client.PostJsonAsync("/api/skills/extract", new { text })).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Extract_returns_skills_with_spans_into_the_text_and_unknown_terms()
    {
        const string text = "🔥招聘光伏电站运维工程师，熟悉逆變器和风电场防雷设计，有电工证优先，会OPC UA";

        var extraction = await ExtractAsync(text);

        var inverter = HitOf(extraction, "SK0045");
        Assert.Equal("逆變器", inverter.GetProperty("matchedText").GetString());
        Assert.Equal(text.IndexOf("逆變器", StringComparison.Ordinal), inverter.GetProperty("start").GetInt32());
        Assert.Equal(3, inverter.GetProperty("length").GetInt32());
        Assert.True(HitOf(extraction, "SK0044").GetProperty("essential").GetBoolean());
        Assert.False(HitOf(extraction, "SK0003").GetProperty("essential").GetBoolean());
        var unknown = extraction.GetProperty("unknownTerms").EnumerateArray().Select(t => (t.GetProperty("text").GetString(), t.GetProperty("kind").GetString())).ToList();
        Assert.Contains(("风电场防雷设计", "AfterCue"), unknown);
        Assert.Contains(("OPC", "Latin"), unknown);
    }

    [Fact]
    public async Task Extract_needs_a_signed_in_user()
    {
        using var anonymous = api.CreateClient();

        var response = await anonymous.PostJsonAsync("/api/skills/extract", new { text = "PLC" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Empty_text_gets_400_naming_text(string? text)
    {
        var client = await api.ClientForAsync(Enterprise);

        await (await client.PostJsonAsync("/api/skills/extract", new { text })).AssertFieldErrorAsync("text");
    }

    [Fact]
    public async Task Text_over_the_limit_gets_400_stating_the_limit()
    {
        var client = await api.ClientForAsync(Enterprise);

        var problem = await (await client.PostJsonAsync("/api/skills/extract", new { text = new string('光', SkillExtractionLimits.MaxTextLength + 1) }))
            .AssertFieldErrorAsync("text");

        Assert.Contains(SkillExtractionLimits.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_lone_surrogates_get_200()
    {
        var extraction = await ExtractAsync("\u0000\u0007熟悉\uD800PLC\uDFFF\u202E编程\r\n😀");

        Assert.True(HasSkill(extraction, "SK0073"));
    }

    [Fact]
    public async Task Alias_added_by_an_admin_is_used_by_the_extractor_without_restart()
    {
        const string text = "熟悉箱变巡检和光伏运维";
        Assert.False(HasSkill(await ExtractAsync(text), "SK0020"));
        var admin = await api.ClientForAsync(Admin);

        var skill = await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0020/aliases", new { alias = "箱变巡检" })).JsonAsync(HttpStatusCode.Created);

        Assert.Contains("箱变巡检", skill.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var after = await ExtractAsync(text);
        Assert.Equal("箱变巡检", HitOf(after, "SK0020").GetProperty("matchedText").GetString());
        Assert.True(HasSkill(after, "SK0044"));
    }

    [Fact]
    public async Task Alias_already_on_the_skill_gets_409()
    {
        var admin = await api.ClientForAsync(Admin);

        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0021/aliases", new { alias = "主变大修" })).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0021/aliases", new { alias = "主变大修" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0021/aliases", new { alias = "变电检修" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("x")]
    [InlineData("PLC")]
    [InlineData("ＰＬＣ")]
    public async Task Bad_or_taken_alias_gets_400_naming_alias_and_writes_nothing(string alias)
    {
        var admin = await api.ClientForAsync(Admin);
        var before = await api.QueryAsync(db => db.SkillAliases.CountAsync());

        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0020/aliases", new { alias })).AssertFieldErrorAsync("alias");

        Assert.Equal(before, await api.QueryAsync(db => db.SkillAliases.CountAsync()));
    }

    [Fact]
    public async Task Too_long_alias_gets_400()
    {
        var admin = await api.ClientForAsync(Admin);

        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK0020/aliases", new { alias = new string('变', 101) })).AssertFieldErrorAsync("alias");
    }

    [Fact]
    public async Task Alias_for_an_unknown_skill_gets_404()
    {
        var admin = await api.ClientForAsync(Admin);

        await (await admin.PostJsonAsync("/api/taxonomy/skills/SK9999/aliases", new { alias = "不存在的技能" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Enterprise)]
    [InlineData(College)]
    [InlineData(Government)]
    public async Task Only_an_admin_curates_aliases(string email)
    {
        var client = await api.ClientForAsync(email);

        var response = await client.PostJsonAsync("/api/taxonomy/skills/SK0020/aliases", new { alias = "变电值守" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Demand_from_free_text_only_gets_the_extracted_skills_at_level_two()
    {
        var client = await api.ClientForAsync(Enterprise);
        var body = DemandTests.ValidDemand();
        body.Remove("skills");
        body["description"] = "熟悉逆变器检修，有电工证优先，无需高压电工证。";

        var created = await (await client.PostJsonAsync("/api/demands", body)).JsonAsync(HttpStatusCode.Created);

        var skills = created.GetProperty("skills").EnumerateArray()
            .ToDictionary(s => s.GetProperty("skillCode").GetString()!, s => (Essential: s.GetProperty("essential").GetBoolean(), Level: s.GetProperty("level").GetInt32()));
        Assert.Equal((true, 2), skills["SK0044"]);
        Assert.Equal((true, 2), skills["SK0045"]);
        Assert.Equal((false, 2), skills["SK0003"]);
        Assert.False(skills.ContainsKey("SK0005"));
    }

    [Fact]
    public async Task Editing_with_an_empty_skill_list_extracts_them_again_and_listed_skills_are_kept_as_sent()
    {
        var client = await api.ClientForAsync(Enterprise);
        var created = await (await client.PostJsonAsync("/api/demands", DemandTests.ValidDemand())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["SK0002"], created.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillCode").GetString()));

        var edit = DemandTests.ValidDemand("招聘储能电站运维员");
        edit["description"] = "熟悉BMS";
        edit["skills"] = Array.Empty<object>();
        edit["version"] = created.GetProperty("version").GetInt32();
        var edited = await (await client.PutJsonAsync($"/api/demands/{created.GetProperty("id").GetString()}", edit)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["SK0059", "SK0060"], edited.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillCode").GetString()).Order());
    }

    [Fact]
    public async Task Demand_without_skills_and_without_a_recognisable_skill_gets_400_naming_skills_and_writes_nothing()
    {
        var client = await api.ClientForAsync(Enterprise);
        var before = await api.QueryAsync(db => db.Demands.CountAsync());
        var body = DemandTests.ValidDemand("招聘员工3名");
        body["description"] = "待遇从优，五险一金。";
        body["skills"] = Array.Empty<object>();

        var problem = await (await client.PostJsonAsync("/api/demands", body)).AssertFieldErrorAsync("skills");

        Assert.Contains("没有识别出技能", problem.GetProperty("errors").GetProperty("skills")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.QueryAsync(db => db.Demands.CountAsync()));
    }
}
