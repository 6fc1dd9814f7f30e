using System.Net;
using System.Text.Json;
using ChainLink.Application.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class GoodMatchTests(ChainLinkApiFactory api)
{
    private double Threshold => api.Services.GetRequiredService<IOptions<MatchingOptions>>().Value.GoodMatchScore;

    private static async Task<int> GoodMatchesListedAsync(HttpClient client, string matchesUrl, double threshold)
    {
        var body = await (await client.GetAsync($"{matchesUrl}?top={MatchLimits.MaxTop}")).JsonAsync(HttpStatusCode.OK);
        return body.GetProperty("results").EnumerateArray()
            .Count(r => r.GetProperty("explanation").GetProperty("score").GetProperty("total").GetDouble() >= threshold);
    }

    [Fact]
    public async Task Enterprise_demand_list_counts_the_matches_at_or_above_the_good_match_score()
    {
        var counts = new List<int>();
        foreach (var account in new[] { Enterprise, Enterprise2 })
        {
            var client = await api.ClientForAsync(account);

            var page = await (await client.GetAsync("/api/demands?mine=true&status=Open")).JsonAsync(HttpStatusCode.OK);

            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            foreach (var item in items)
            {
                var id = item.GetProperty("id").GetGuid();
                var count = item.GetProperty("goodMatches").GetInt32();
                Assert.Equal(await GoodMatchesListedAsync(client, $"/api/demands/{id}/matches", Threshold), count);
                counts.Add(count);
            }
        }
        // The demo data has good matches to count, so a count stuck at 0 fails here.
        Assert.Contains(counts, c => c > 0);
    }

    [Fact]
    public async Task College_programme_list_counts_the_matches_at_or_above_the_good_match_score()
    {
        var client = await api.ClientForAsync(College);

        var page = await (await client.GetAsync("/api/programmes?mine=true")).JsonAsync(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var id = item.GetProperty("id").GetGuid();
            Assert.Equal(await GoodMatchesListedAsync(client, $"/api/programmes/{id}/matches", Threshold), item.GetProperty("goodMatches").GetInt32());
        }
    }

    [Fact]
    public async Task Lists_of_other_organisations_records_carry_no_good_match_count()
    {
        var client = await api.ClientForAsync(College);

        var demands = await (await client.GetAsync("/api/demands?status=Open")).JsonAsync(HttpStatusCode.OK);

        var items = demands.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("goodMatches").ValueKind));
    }

    [Fact]
    public async Task A_demands_good_match_count_follows_an_edit_of_its_skills()
    {
        var client = await api.ClientForAsync(Enterprise2);
        var title = $"招聘光伏电站运维员3名{Guid.NewGuid():N}";
        var body = DemandTests.ValidDemand(title);
        var created = await (await client.PostJsonAsync("/api/demands", body)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        async Task<int> ListedAsync() =>
            (await (await client.GetAsync($"/api/demands?mine=true&q={title}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single().GetProperty("goodMatches").GetInt32();
        var before = await ListedAsync();
        Assert.Equal(await GoodMatchesListedAsync(client, $"/api/demands/{id}/matches", Threshold), before);

        body["skills"] = new object[] { new { skillCode = "SK0122", essential = true, level = 2 } };
        body["description"] = "负责起重作业。";
        body["version"] = created.GetProperty("version").GetInt32();
        await (await client.PutJsonAsync($"/api/demands/{id}", body)).JsonAsync(HttpStatusCode.OK);

        // A count cached before the edit would still be the old one.
        var after = await ListedAsync();
        Assert.Equal(await GoodMatchesListedAsync(client, $"/api/demands/{id}/matches", Threshold), after);
        Assert.NotEqual(before, after);
    }
}
