using System.Net;
using System.Text.Json;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>The profiles matching holds in memory follow the database, also when the change was made through another instance.</summary>
public sealed class MatchProfileStoreTests
{
    private static async Task<JsonElement> MatchOfAsync(HttpClient client, string programmeId)
    {
        var body = await (await client.PostJsonAsync("/api/match", new { skills = new[] { "SK0002" }, top = 100 })).JsonAsync(HttpStatusCode.OK);
        return body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("programmeId").GetString() == programmeId);
    }

    [Fact]
    public async Task A_programme_edited_through_one_instance_is_matched_as_edited_by_another_on_the_same_database()
    {
        await using var first = new ChainLinkApiFactory();
        await first.InitializeAsync();
        var college = await first.ClientForAsync(College);
        var body = ProgrammeTests.ValidProgramme();
        var created = await (await college.PostJsonAsync("/api/programmes", body)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        await using var second = new SharedDatabaseApiFactory(Path.Combine(first.DataDirectory, "chainlink.db"));
        await second.InitializeAsync();
        var enterprise = await second.ClientForAsync(Enterprise);
        Assert.Equal(100, (await MatchOfAsync(enterprise, id)).GetProperty("explanation").GetProperty("graduates").GetInt32());

        body["cohorts"] = new object[] { new { year = 2026, expected = 100, actual = 42 }, new { year = 2025, expected = 95, actual = 90 } };
        body["version"] = created.GetProperty("version").GetInt32();
        await (await college.PutJsonAsync($"/api/programmes/{id}", body)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(42, (await MatchOfAsync(enterprise, id)).GetProperty("explanation").GetProperty("graduates").GetInt32());
    }
}
