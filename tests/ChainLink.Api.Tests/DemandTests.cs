using System.Net;
using ChainLink.Domain.Common;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DemandTests(ChainLinkApiFactory api)
{
    private static string NextQuarter => Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(1).ToString();

    internal static Dictionary<string, object?> ValidDemand(string title = "招聘光伏电站运维员3名") => new()
    {
        ["title"] = title,
        ["description"] = "负责光伏电站日常运维，熟悉逆变器检修。",
        ["occupationCode"] = "5-05-03-03",
        ["regionCode"] = "150600",
        ["headcount"] = 3,
        ["educationLevel"] = "HigherVocational",
        ["neededBy"] = NextQuarter,
        ["salaryMin"] = 6000,
        ["salaryMax"] = 9000,
        ["cooperationModes"] = new[] { "OrderClass", "Internship" },
        ["skills"] = new object[] { new { skillCode = "SK0002", essential = true, level = 2 } },
    };

    private async Task<int> DemandCountAsync() => await api.QueryAsync(db => db.Demands.CountAsync());

    [Fact]
    public async Task Enterprise_posts_edits_opens_and_fills_its_demand()
    {
        var client = await api.ClientForAsync(Enterprise);

        var created = await (await client.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal("太阳能利用工", created.GetProperty("occupationName").GetString());
        Assert.Equal("鄂尔多斯市", created.GetProperty("regionName").GetString());
        Assert.Equal(["OrderClass", "Internship"], created.GetProperty("cooperationModes").EnumerateArray().Select(m => m.GetString()));

        var edit = ValidDemand("招聘光伏电站运维员5名");
        edit["version"] = created.GetProperty("version").GetInt32();
        edit["headcount"] = 5;
        var edited = await (await client.PutJsonAsync($"/api/demands/{id}", edit)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, edited.GetProperty("headcount").GetInt32());

        var opened = await (await client.PostJsonAsync($"/api/demands/{id}/open", new { version = edited.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", opened.GetProperty("status").GetString());
        var filled = await (await client.PostJsonAsync($"/api/demands/{id}/fill", new { version = opened.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filled", filled.GetProperty("status").GetString());
        Assert.Equal(2, filled.GetProperty("history").GetArrayLength());

        var read = await (await client.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filled", read.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(College)]
    [InlineData(Government)]
    [InlineData(Admin)]
    public async Task Only_enterprises_may_post_demands(string email)
    {
        var before = await DemandCountAsync();
        var client = await api.ClientForAsync(email);
        var response = await client.PostJsonAsync("/api/demands", ValidDemand());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await DemandCountAsync());
    }

    [Fact]
    public async Task Anonymous_writes_get_401()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/demands", ValidDemand())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutJsonAsync($"/api/demands/{Guid.NewGuid()}", ValidDemand())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync($"/api/demands/{Guid.NewGuid()}/open", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Enterprise_cannot_edit_or_close_another_enterprises_demand()
    {
        var owner = await api.ClientForAsync(Enterprise);
        var created = await (await owner.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();

        var other = await api.ClientForAsync(Enterprise2);
        var edit = ValidDemand("被他人篡改的标题");
        edit["version"] = version;
        await (await other.PutJsonAsync($"/api/demands/{id}", edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PostJsonAsync($"/api/demands/{id}/open", new { version })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await (await owner.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("title").GetString(), unchanged.GetProperty("title").GetString());
        Assert.Equal(version, unchanged.GetProperty("version").GetInt32());
        Assert.Equal("Draft", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Drafts_are_invisible_to_other_organisations()
    {
        var owner = await api.ClientForAsync(Enterprise);
        var created = await (await owner.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var college = await api.ClientForAsync(College);
        await (await college.GetAsync($"/api/demands/{created.GetProperty("id").GetString()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edit_from_a_stale_copy_gets_409_and_the_first_edit_survives()
    {
        var client = await api.ClientForAsync(Enterprise);
        var created = await (await client.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var staleVersion = created.GetProperty("version").GetInt32();

        var first = ValidDemand("第一位编辑的标题");
        first["version"] = staleVersion;
        await (await client.PutJsonAsync($"/api/demands/{id}", first)).JsonAsync(HttpStatusCode.OK);

        var second = ValidDemand("第二位编辑的标题");
        second["version"] = staleVersion;
        await (await client.PutJsonAsync($"/api/demands/{id}", second)).AssertProblemAsync(HttpStatusCode.Conflict);

        var read = await (await client.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("第一位编辑的标题", read.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Concurrent_edits_with_the_same_version_let_exactly_one_win()
    {
        var client = await api.ClientForAsync(Enterprise);
        var created = await (await client.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();

        var edits = Enumerable.Range(0, 6).Select(i =>
        {
            var body = ValidDemand($"并发编辑{i}");
            body["version"] = version;
            return client.PutJsonAsync($"/api/demands/{id}", body);
        });
        var responses = await Task.WhenAll(edits);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var read = await (await client.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, read.GetProperty("version").GetInt32());
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "occupationCode", "9-99-99-99", "occupationCode" },
        { "occupationCode", "6-28", "occupationCode" },
        { "regionCode", "159999", "regionCode" },
        { "headcount", -3, "headcount" },
        { "headcount", 0, "headcount" },
        { "headcount", 5_000_000, "headcount" },
        { "neededBy", "2020Q1", "neededBy" },
        { "neededBy", "2026Q5", "neededBy" },
        { "neededBy", "next spring", "neededBy" },
        { "title", new string('长', 121), "title" },
        { "title", "", "title" },
        { "description", new string('x', 4001), "description" },
        { "salaryMax", 100, "salaryMax" },
        { "salaryMin", -1, "salaryMin" },
        { "skills", new object[] { new { skillCode = "SK9999" } }, "skills[0].skillCode" },
        { "skills", new object[] { new { skillCode = "SK0002", level = 7 } }, "skills[0].level" },
        { "skills", new object[] { new { skillCode = "SK0002" }, new { skillCode = "SK0002" } }, "skills" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_field_gets_400_naming_it_and_writes_nothing(string field, object? value, string expectedError)
    {
        var before = await DemandCountAsync();
        var body = ValidDemand();
        body[field] = value;
        var client = await api.ClientForAsync(Enterprise);
        await (await client.PostJsonAsync("/api/demands", body)).AssertFieldErrorAsync(expectedError);
        Assert.Equal(before, await DemandCountAsync());
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var client = await api.ClientForAsync(Enterprise);
        var problem = await (await client.PostJsonAsync("/api/demands", new { })).AssertFieldErrorAsync("title");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "occupationCode", "regionCode", "headcount", "neededBy", "skills" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"title\": \"x\", \"headcount\": \"three\"}")]
    [InlineData("{\"title\": \"x\", \"educationLevel\": \"Doctorate\"}")]
    public async Task Malformed_json_gets_400_problem_details(string json)
    {
        var before = await DemandCountAsync();
        var client = await api.ClientForAsync(Enterprise);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync("/api/demands", content)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await DemandCountAsync());
    }

    [Fact]
    public async Task Unknown_demand_gets_404()
    {
        var client = await api.ClientForAsync(Enterprise);
        await (await client.GetAsync($"/api/demands/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var edit = ValidDemand();
        edit["version"] = 1;
        await (await client.PutJsonAsync($"/api/demands/{Guid.NewGuid()}", edit)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Closing_a_draft_breaks_the_lifecycle_rule_and_gets_400()
    {
        var client = await api.ClientForAsync(Enterprise);
        var created = await (await client.PostJsonAsync("/api/demands", ValidDemand())).JsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/demands/{created.GetProperty("id").GetString()}/close", new { version = 1 }))
            .AssertFieldErrorAsync("status");
    }

    [Fact]
    public async Task Demand_list_filters_by_region_occupation_and_status_and_pages()
    {
        var client = await api.ClientForAsync(College);
        var page = await (await client.GetAsync("/api/demands?region=150000&status=Open&pageSize=5")).JsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), d =>
        {
            Assert.StartsWith("15", d.GetProperty("regionCode").GetString(), StringComparison.Ordinal);
            Assert.Equal("Open", d.GetProperty("status").GetString());
        });

        var baotou = await (await client.GetAsync("/api/demands?region=150200&pageSize=50")).JsonAsync(HttpStatusCode.OK);
        Assert.All(baotou.GetProperty("items").EnumerateArray(), d => Assert.Equal("150200", d.GetProperty("regionCode").GetString()));

        await (await client.GetAsync("/api/demands?pageSize=500")).AssertFieldErrorAsync("pageSize");
        await (await client.GetAsync("/api/demands?region=999999")).AssertFieldErrorAsync("region");
        await (await client.GetAsync("/api/demands?status=Lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
