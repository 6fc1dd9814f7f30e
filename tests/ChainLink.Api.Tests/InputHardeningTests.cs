using System.Net;
using System.Text;
using System.Text.Json;
using ChainLink.Domain.Common;
using ChainLink.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// Input that once answered 500 or was stored although absurd. Own API instance: the stored-DoS test adds thousands of
/// training bases, which would change the map totals the other classes read.
/// </summary>
public sealed class InputHardeningTests(ChainLinkApiFactory api) : IClassFixture<ChainLinkApiFactory>
{
    private static object BaseBody(int capacity = 4000, object? usage = null, object? clusterCodes = null, string name = "鄂尔多斯储能实训基地（测试）") => new
    {
        name,
        longitude = 109.78,
        latitude = 39.61,
        regionCode = "150600",
        clusterCodes = clusterCodes ?? new[] { "NE-STORAGE" },
        capacityHoursPerYear = capacity,
        usage = usage ?? Array.Empty<object>(),
    };

    [Fact]
    public async Task Map_summary_adds_thousands_of_maximal_training_bases_without_overflow()
    {
        // Enough bases at the maximum capacity that the region's total passes int.MaxValue: the 32-bit sum threw.
        var count = int.MaxValue / TrainingBase.MaxCapacity + 2;
        const string region = "150300";
        var client = await api.ClientForAsync(Enterprise);
        var before = Region(await (await client.GetAsync($"/api/map/summary?region={region}")).JsonAsync(HttpStatusCode.OK), region);
        var (capacityBefore, usedBefore) = before is { } b ? (b.GetProperty("capacityHoursPerYear").GetInt64(), b.GetProperty("hoursUsed").GetInt64()) : (0L, 0L);

        await api.QueryAsync(async db =>
        {
            var organisationId = await db.Users.Where(u => u.Email == Enterprise).Select(u => u.OrganisationId).SingleAsync();
            var quarter = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1);
            for (var i = 0; i < count; i++)
                db.TrainingBases.Add(Domain.Resources.TrainingBase.Create(Guid.CreateVersion7(), organisationId, new TrainingBaseDetails(
                    $"满负荷实训基地{i}", new GeoPoint(106.8, 39.67), region, ["NE-STORAGE"], TrainingBase.MaxCapacity,
                    [new QuarterUsage(quarter, TrainingBase.MaxCapacity / 4)], [])));
            return await db.SaveChangesAsync();
        });

        var summary = await (await client.GetAsync($"/api/map/summary?region={region}")).JsonAsync(HttpStatusCode.OK);
        var after = Region(summary, region)!.Value;
        Assert.Equal(capacityBefore + (long)count * TrainingBase.MaxCapacity, after.GetProperty("capacityHoursPerYear").GetInt64());
        Assert.Equal(usedBefore + (long)count * (TrainingBase.MaxCapacity / 4), after.GetProperty("hoursUsed").GetInt64());
        Assert.True(after.GetProperty("capacityHoursPerYear").GetInt64() > int.MaxValue);
        await (await client.GetAsync("/api/map/summary")).JsonAsync(HttpStatusCode.OK);
    }

    private static JsonElement? Region(JsonElement summary, string code)
    {
        foreach (var r in summary.GetProperty("regions").EnumerateArray())
            if (r.GetProperty("regionCode").GetString() == code) return r;
        return null;
    }

    [Fact]
    public async Task Training_base_capacity_and_usage_have_upper_bounds()
    {
        var client = await api.ClientForAsync(Enterprise);
        var problem = await (await client.PostJsonAsync("/api/resources/training-bases", BaseBody(capacity: 10_000_000))).AssertFieldErrorAsync("capacityHoursPerYear");
        Assert.Contains("1000000", problem.GetProperty("errors").GetProperty("capacityHoursPerYear")[0].GetString(), StringComparison.Ordinal);

        // 5,000 quarters of usage were once accepted; 81 distinct, valid quarters are already too many.
        var usage = Enumerable.Range(0, TrainingBase.MaxUsageQuarters + 1).Select(i => new { quarter = new Quarter(2001, 1).AddQuarters(i).ToString(), hours = 1 }).ToArray();
        await (await client.PostJsonAsync("/api/resources/training-bases", BaseBody(usage: usage))).AssertFieldErrorAsync("usage");
        await (await client.PostJsonAsync("/api/resources/training-bases", BaseBody(usage: usage[..TrainingBase.MaxUsageQuarters])))
            .JsonAsync(HttpStatusCode.Created);
    }

    public static TheoryData<string, string, string, string> NullItems => new()
    {
        { College, "/api/programmes", """{"majorCode":"430301","level":"HigherVocational","campusRegionCode":"150100","modules":[null]}""", "modules[0]" },
        { College, "/api/programmes", """{"majorCode":"430301","level":"HigherVocational","campusRegionCode":"150100","modules":[{"name":"光伏运维","hours":10,"skills":[{"skillCode":"SK0002"},null,null]}]}""", "modules[0].skills[1]" },
        { College, "/api/programmes", """{"majorCode":"430301","level":"HigherVocational","campusRegionCode":"150100","enrolmentPlans":[null],"cohorts":[{"year":2026,"expected":1},null]}""", "cohorts[1]" },
        { Enterprise, "/api/demands", """{"title":"招聘光伏运维员","occupationCode":"5-05-03-03","regionCode":"150600","headcount":1,"educationLevel":"HigherVocational","neededBy":"2030Q1","skills":[{"skillCode":"SK0002"},null]}""", "skills[1]" },
        { Enterprise, "/api/resources/training-bases", """{"name":"基地","longitude":109.8,"latitude":39.6,"regionCode":"150600","clusterCodes":["NE-STORAGE",null],"capacityHoursPerYear":10,"usage":[null]}""", "clusterCodes[1]" },
        { Enterprise, "/api/resources/training-bases", """{"name":"基地","longitude":109.8,"latitude":39.6,"regionCode":"150600","clusterCodes":["NE-STORAGE"],"capacityHoursPerYear":10,"usage":[null]}""", "usage[0]" },
        { Enterprise, "/api/resources/mentors", """{"name":"导师","skillCodes":[null,"SK0002"],"hoursTaught":1}""", "skillCodes[0]" },
        { Enterprise, "/api/match", """{"skills":["SK0002",null]}""", "skills[1]" },
    };

    [Theory]
    [MemberData(nameof(NullItems))]
    public async Task A_null_item_in_a_list_is_a_400_naming_its_index(string account, string url, string json, string field)
    {
        var client = await api.ClientForAsync(account);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await (await client.PostAsync(url, content)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Every_list_has_a_maximum_length()
    {
        var client = await api.ClientForAsync(College);
        var programme = ProgrammeTests.ValidProgramme();
        programme["modules"] = new object[] { new { name = "模块", hours = 10, skills = Enumerable.Range(1, 51).Select(i => new { skillCode = $"SK{i:0000}" }).ToArray() } };
        await (await client.PostJsonAsync("/api/programmes", programme)).AssertFieldErrorAsync("modules[0].skills");
        programme = ProgrammeTests.ValidProgramme();
        programme["cohorts"] = Enumerable.Range(0, 102).Select(i => new { year = 2000 + i, expected = 1 }).ToArray();
        await (await client.PostJsonAsync("/api/programmes", programme)).AssertFieldErrorAsync("cohorts");
    }

    [Theory]
    [InlineData("""{"email":null,"password":"x"}""", "email")]
    [InlineData("""{"email":"a@b.cn","password":null}""", "password")]
    [InlineData("""{"email":"","password":"x"}""", "email")]
    public async Task Login_with_a_null_field_is_a_400_naming_it(string json, string field)
    {
        using var client = api.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/auth/login", content)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Refresh_with_a_null_token_is_a_400_naming_it()
    {
        using var client = api.CreateClient();
        using var content = new StringContent("""{"refreshToken":null}""", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/auth/refresh", content)).AssertFieldErrorAsync("refreshToken");
    }

    [Fact]
    public async Task Concurrent_identical_programmes_give_one_201_and_409s_never_a_500()
    {
        var client = await api.ClientForAsync(College);
        var taken = await api.QueryAsync(async db =>
        {
            var college = await db.Users.Where(u => u.Email == College).Select(u => u.OrganisationId).SingleAsync();
            return await db.Programmes.Where(p => p.OrganisationId == college && p.MajorCode == "430301").Select(p => p.CampusRegionCode).ToListAsync();
        });
        var campus = new[] { "150100", "150200", "150300", "150400", "150500", "150600", "150700", "150800", "150900", "152200", "152500", "152900" }
            .First(c => !taken.Contains(c));
        var body = ProgrammeTests.ValidProgramme();
        body["campusRegionCode"] = campus;

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await client.PostJsonAsync("/api/programmes", body);
        })).ToArray();
        start.Set();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"got {(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict)) await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("9999Q4")]
    [InlineData("1900Q1")]
    public async Task Publishing_an_absurd_quarter_is_a_400_naming_it(string quarter)
    {
        var client = await api.ClientForAsync(Government);
        var problem = await (await client.PostJsonAsync("/api/barometer/editions", new { quarter })).AssertFieldErrorAsync("quarter");
        Assert.Contains("2000Q1", problem.GetProperty("errors").GetProperty("quarter")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_quarter_outside_the_sensible_years_is_a_400()
    {
        var client = await api.ClientForAsync(Enterprise);
        await (await client.PostJsonAsync("/api/resources/training-bases", BaseBody(usage: new[] { new { quarter = "1900Q1", hours = 1 } })))
            .AssertFieldErrorAsync("usage[0].quarter");
    }

    [Theory]
    [InlineData("""{"title":"x","headcount":"three"}""", "headcount", "$.headcount")]
    [InlineData("""{"title":"x","headcount":99999999999}""", "headcount", "$.headcount")]
    [InlineData("""{"title":"x","educationLevel":"Wizard"}""", "educationLevel", "$.educationLevel")]
    [InlineData("""{"title":"x","cooperationModes":[null]}""", "cooperationModes[0]", "$.cooperationModes[0]")]
    [InlineData("""{"title":"x","skills":[{"skillCode":"SK0002","level":"deep"}]}""", "skills[0].level", "$.skills[0].level")]
    public async Task A_400_names_the_json_path_and_no_internal_type(string json, string field, string path)
    {
        var client = await api.ClientForAsync(Enterprise);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/demands", content);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.AssertFieldErrorAsync(field);
        Assert.Contains(path, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNoTypeNames(text);
    }

    [Theory]
    [InlineData("/api/programmes?level=Wizard", "level")]
    [InlineData("/api/programmes?pageSize=abc", "pageSize")]
    public async Task A_bad_query_parameter_is_named_without_its_type(string url, string field)
    {
        var client = await api.ClientForAsync(College);
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        await response.AssertFieldErrorAsync(field);
        AssertNoTypeNames(text);
    }

    [Fact]
    public async Task A_missing_required_field_is_named_without_its_type()
    {
        using var client = api.CreateClient();
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/auth/login", content);
        var text = await response.Content.ReadAsStringAsync();
        await response.AssertFieldErrorAsync("email");
        AssertNoTypeNames(text);
    }

    private static void AssertNoTypeNames(string text)
    {
        foreach (var leak in new[] { "ChainLink.", "System.", "Microsoft.", "Int32", "Int64", "EducationLevel", "Nullable", "CreateDemand", "LoginRequest" })
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, object> HiddenCharacterNames => new()
    {
        { College, "/api/programmes", With(ProgrammeTests.ValidProgramme(), "name", "光伏\u202E工程") },
        { Enterprise, "/api/demands", With(DemandTests.ValidDemand(), "title", "招聘\u200B运维员") },
        { Enterprise, "/api/resources/training-bases", BaseBody(name: "基地\u2066名称\u2069") },
        { Enterprise, "/api/resources/mentors", new { name = "张\uFEFF工", skillCodes = new[] { "SK0002" }, hoursTaught = 1 } },
        { Enterprise, "/api/resources/platforms", new { name = "平台\u0007", kind = "EngineeringCentre", clusterCodes = new[] { "NE-STORAGE" }, longitude = 109.8, latitude = 39.6, regionCode = "150600" } },
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, string value)
    {
        body[field] = value;
        return body;
    }

    [Theory]
    [MemberData(nameof(HiddenCharacterNames))]
    public async Task Names_with_control_bidi_or_zero_width_characters_are_rejected(string account, string url, object body)
    {
        var client = await api.ClientForAsync(account);
        var field = url.EndsWith("demands", StringComparison.Ordinal) ? "title" : "name";
        var problem = await (await client.PostJsonAsync(url, body)).AssertFieldErrorAsync(field);
        Assert.Contains("零宽", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_name_and_an_organisation_name_reject_hidden_characters()
    {
        var client = await api.ClientForAsync(College);
        var programme = ProgrammeTests.ValidProgramme();
        programme["modules"] = new object[] { new { name = "运维\u202D实训", hours = 10, skills = new object[] { new { skillCode = "SK0002" } } } };
        await (await client.PostJsonAsync("/api/programmes", programme)).AssertFieldErrorAsync("modules[0].name");

        using var anonymous = api.CreateClient();
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email = "bidi@example.cn", password = "Str0ng#Pass", organisationName = "示范\u202E公司", kind = "Enterprise", regionCode = "150600",
        })).AssertFieldErrorAsync("organisationName");
    }
}
