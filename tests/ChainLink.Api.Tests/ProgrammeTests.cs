using System.Net;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ProgrammeTests(ChainLinkApiFactory api)
{
    private static int _campus;

    /// <summary>
    /// Each call uses another campus region, since a college offers a major once per campus and level: Inner Mongolia's
    /// 盟市 first, then the prefectures of 河北, 山西 and 辽宁, so the suites that share one factory (and call this
    /// from parallel collections) never come round to a campus twice. Not 呼和浩特 (150100): the demo college already
    /// teaches 光伏工程技术 there, so a test whose call came round to it got a 409 on a fresh demo database.
    /// </summary>
    internal static Dictionary<string, object?> ValidProgramme(string majorCode = "430301")
    {
        string[] campuses =
        [
            "150200", "150300", "150400", "150500", "150600", "150700", "150800", "150900", "152200", "152500", "152900",
            "130100", "130200", "130300", "130400", "130500", "130600", "130700", "130800", "130900", "131000", "131100",
            "140100", "140200", "140300", "140400", "140500", "140600", "140700", "140800", "140900", "141000", "141100",
            "210100", "210200", "210300", "210400", "210500", "210600", "210700", "210800", "210900", "211000", "211100", "211200", "211300", "211400",
        ];
        return new()
        {
            ["majorCode"] = majorCode,
            ["level"] = "HigherVocational",
            ["campusRegionCode"] = campuses[Interlocked.Increment(ref _campus) % campuses.Length],
            ["description"] = "面向沙漠光伏基地的光伏工程技术专业。",
            ["modules"] = new object[]
            {
                new { name = "光伏电站运维实训", hours = 96, learningOutcomes = "能够完成光伏电站巡检与逆变器检修", skills = new object[] { new { skillCode = "SK0002", level = 2 } } },
            },
            ["enrolmentPlans"] = new object[] { new { year = 2026, planned = 120 } },
            ["cohorts"] = new object[] { new { year = 2026, expected = 100, actual = (int?)null }, new { year = 2025, expected = 95, actual = 90 } },
        };
    }

    private async Task<int> ProgrammeCountAsync() => await api.QueryAsync(db => db.Programmes.CountAsync());

    [Fact]
    public async Task College_publishes_and_edits_its_programme_with_modules_plans_and_cohorts()
    {
        var client = await api.ClientForAsync(College);
        var created = await (await client.PostJsonAsync("/api/programmes", ValidProgramme())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("光伏工程技术", created.GetProperty("name").GetString());
        Assert.Equal("光伏工程技术", created.GetProperty("majorName").GetString());
        Assert.Equal("SK0002", created.GetProperty("modules")[0].GetProperty("skills")[0].GetProperty("skillCode").GetString());
        Assert.Equal(90, created.GetProperty("cohorts")[0].GetProperty("actual").GetInt32());

        var edit = ValidProgramme();
        edit["campusRegionCode"] = created.GetProperty("campusRegionCode").GetString();
        edit["version"] = created.GetProperty("version").GetInt32();
        edit["name"] = "光伏工程技术（沙漠光伏方向）";
        var edited = await (await client.PutJsonAsync($"/api/programmes/{created.GetProperty("id").GetString()}", edit)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("光伏工程技术（沙漠光伏方向）", edited.GetProperty("name").GetString());
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(Enterprise)]
    [InlineData(Government)]
    public async Task Only_colleges_may_publish_programmes(string email)
    {
        var before = await ProgrammeCountAsync();
        var client = await api.ClientForAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/programmes", ValidProgramme())).StatusCode);
        Assert.Equal(before, await ProgrammeCountAsync());
    }

    [Fact]
    public async Task College_cannot_edit_another_colleges_programme()
    {
        var owner = await api.ClientForAsync(College);
        var created = await (await owner.PostJsonAsync("/api/programmes", ValidProgramme("460204"))).JsonAsync(HttpStatusCode.Created);
        var other = await api.ClientForAsync(College2);
        var edit = ValidProgramme("460204");
        edit["version"] = 1;
        edit["name"] = "被他校修改";
        await (await other.PutJsonAsync($"/api/programmes/{created.GetProperty("id").GetString()}", edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var read = await (await owner.GetAsync($"/api/programmes/{created.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("新能源装备技术", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Programme_edit_from_a_stale_copy_gets_409()
    {
        var client = await api.ClientForAsync(College);
        var created = await (await client.PostJsonAsync("/api/programmes", ValidProgramme("510205"))).JsonAsync(HttpStatusCode.Created);
        var url = $"/api/programmes/{created.GetProperty("id").GetString()}";
        var edit = ValidProgramme("510205");
        edit["campusRegionCode"] = created.GetProperty("campusRegionCode").GetString();
        edit["version"] = 1;
        await (await client.PutJsonAsync(url, edit)).JsonAsync(HttpStatusCode.OK);
        await (await client.PutJsonAsync(url, edit)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Same_major_twice_at_one_campus_gets_409()
    {
        var client = await api.ClientForAsync(College2);
        var body = ValidProgramme("520201");
        await (await client.PostJsonAsync("/api/programmes", body)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/programmes", body)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "majorCode", "999999", "majorCode" },
        { "majorCode", "430301X", "majorCode" },
        { "campusRegionCode", "000000", "campusRegionCode" },
        { "level", 9, "level" },
        { "modules", new object[] { new { name = "", hours = 10, skills = Array.Empty<object>() } }, "modules[0].name" },
        { "modules", new object[] { new { name = "x", hours = 0, skills = Array.Empty<object>() } }, "modules[0].hours" },
        { "modules", new object[] { new { name = "x", hours = 10, skills = new object[] { new { skillCode = "NOPE" } } } }, "modules[0].skills[0].skillCode" },
        { "enrolmentPlans", new object[] { new { year = 2026, planned = -5 } }, "enrolmentPlans[0].planned" },
        { "enrolmentPlans", new object[] { new { year = 2026, planned = 5 }, new { year = 2026, planned = 6 } }, "enrolmentPlans" },
        { "cohorts", new object[] { new { year = 1900, expected = 5 } }, "cohorts[0].year" },
        { "cohorts", new object[] { new { year = 2026, expected = 9_000_000 } }, "cohorts[0].expected" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_programme_field_gets_400_naming_it_and_writes_nothing(string field, object? value, string expectedError)
    {
        var before = await ProgrammeCountAsync();
        var body = ValidProgramme();
        body[field] = value;
        var client = await api.ClientForAsync(College);
        await (await client.PostJsonAsync("/api/programmes", body)).AssertFieldErrorAsync(expectedError);
        Assert.Equal(before, await ProgrammeCountAsync());
    }

    [Fact]
    public async Task Programme_list_filters_by_major_and_region()
    {
        var client = await api.ClientForAsync(Enterprise);
        var all = await (await client.GetAsync("/api/programmes?region=150000&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.True(all.GetProperty("total").GetInt32() >= 120);
        var major = all.GetProperty("items")[0].GetProperty("majorCode").GetString();
        var filtered = await (await client.GetAsync($"/api/programmes?major={major}&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.All(filtered.GetProperty("items").EnumerateArray(), p => Assert.Equal(major, p.GetProperty("majorCode").GetString()));
        await (await client.GetAsync("/api/programmes?major=123")).AssertFieldErrorAsync("major");
    }

    [Fact]
    public async Task A_page_of_the_programme_list_holds_each_programme_whole_in_campus_and_major_order()
    {
        var client = await api.ClientForAsync(Enterprise);
        var page = await (await client.GetAsync("/api/programmes?pageSize=7&page=2")).JsonAsync(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(7, items.Count);
        var longer = await (await client.GetAsync("/api/programmes?pageSize=14")).JsonAsync(HttpStatusCode.OK);
        var fourteen = longer.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(fourteen.Skip(7).Select(i => i.GetProperty("id").GetGuid()), items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(fourteen.Select(i => (i.GetProperty("campusRegionCode").GetString(), i.GetProperty("majorCode").GetString())).Order(),
            fourteen.Select(i => (i.GetProperty("campusRegionCode").GetString(), i.GetProperty("majorCode").GetString())));
        foreach (var item in items)
        {
            var single = await (await client.GetAsync($"/api/programmes/{item.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(single.GetRawText(), item.GetRawText());
        }
        Assert.Contains(items, i => i.GetProperty("modules").GetArrayLength() > 1 && i.GetProperty("cohorts").GetArrayLength() > 1);
    }
}
