using System.Globalization;
using System.Net;
using System.Text.Json;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Every match item carries its explanation as Chinese sentences that agree with the numbers beside them.</summary>
[Collection(ApiCollection.Name)]
public sealed class MatchSentenceTests(ChainLinkApiFactory api)
{
    private static void AssertSentencesAgreeWithTheExplanation(JsonElement item)
    {
        var sentences = item.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        var explanation = item.GetProperty("explanation");
        var covered = explanation.GetProperty("coveredSkills").EnumerateArray().ToList();
        Assert.NotEmpty(sentences);
        Assert.StartsWith("覆盖", sentences[0], StringComparison.Ordinal);
        Assert.All(covered, c => Assert.Contains(sentences, s => s.Contains(c.GetProperty("name").GetString()!, StringComparison.Ordinal)));
        if (explanation.GetProperty("distanceKm") is { ValueKind: JsonValueKind.Number } km && km.GetDouble() >= 1)
            Assert.Contains($"距离 {Math.Round(km.GetDouble(), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} 公里", sentences);
        if (explanation.GetProperty("graduatesYear") is { ValueKind: JsonValueKind.Number } year)
            Assert.Contains($"{year.GetInt32()} 届毕业生 {explanation.GetProperty("graduates").GetInt32()} 人", sentences);
    }

    [Fact]
    public async Task Matches_of_a_demand_of_a_programme_and_of_an_ad_hoc_query_come_with_sentences()
    {
        var demand = await api.QueryAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Open && d.Skills.Count >= 2).OrderBy(d => d.Id).FirstAsync());
        var programme = await api.QueryAsync(db => db.Programmes.OrderBy(p => p.Id).FirstAsync());
        var client = await api.ClientForAsync(Enterprise);

        var forDemand = await (await client.GetAsync($"/api/demands/{demand.Id}/matches?top=5")).JsonAsync(HttpStatusCode.OK);
        var forProgramme = await (await client.GetAsync($"/api/programmes/{programme.Id}/matches?top=5")).JsonAsync(HttpStatusCode.OK);
        var adHoc = await (await client.PostJsonAsync("/api/match", new { skills = demand.Skills.Select(s => s.SkillCode).ToArray() })).JsonAsync(HttpStatusCode.OK);

        foreach (var list in new[] { forDemand, forProgramme, adHoc })
        {
            var results = list.GetProperty("results").EnumerateArray().ToList();
            Assert.NotEmpty(results);
            Assert.All(results, AssertSentencesAgreeWithTheExplanation);
        }
        Assert.Contains(forDemand.GetProperty("results").EnumerateArray(), r => r.GetProperty("sentences").EnumerateArray().Any(s => s.GetString()!.StartsWith("学历层次", StringComparison.Ordinal)));
    }
}
