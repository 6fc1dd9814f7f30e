using System.Net;
using ChainLink.Application.Demands;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DemandExpiryTests(ChainLinkApiFactory api)
{
    private static Quarter Now => Quarter.Of(DateTimeOffset.UtcNow);

    /// <summary>
    /// An open demand of the demo enterprise moved a year back: opened 4 quarters ago, needed by 3 quarters ago, so past
    /// the default grace of 1 quarter (it expired at the start of the previous quarter).
    /// </summary>
    private async Task<(HttpClient Owner, string Id)> AStaleOpenDemandAsync()
    {
        var owner = await api.ClientForAsync(Enterprise);
        var body = DemandTests.ValidDemand("招聘光伏电站运维员（过期测试）");
        body["open"] = true;
        var created = await (await owner.PostJsonAsync("/api/demands", body)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var (neededBy, opened) = (Now.AddQuarters(-3), Now.AddQuarters(-4).Start.UtcDateTime);
        await api.QueryAsync(db => db.Demands.Where(d => d.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NeededBy, neededBy).SetProperty(d => d.OpenedAt, opened).SetProperty(d => d.CreatedAt, opened)));
        return (owner, id);
    }

    private async Task<int> SweepAsync()
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemandExpiry>().ExpireDueAsync(CancellationToken.None);
    }

    private async Task ReindexAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(CancellationToken.None);
    }

    private static async Task<List<Guid>> DemandsMatchedAsync(HttpClient client, Guid programme) =>
        (await (await client.GetAsync($"/api/programmes/{programme}/matches?top=100")).JsonAsync(HttpStatusCode.OK))
        .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("demandId").GetGuid()).ToList();

    [Fact]
    public async Task A_demand_past_its_needed_by_quarter_and_grace_expires_and_its_owner_sees_it_flagged()
    {
        var (owner, id) = await AStaleOpenDemandAsync();
        Assert.True(await SweepAsync() >= 1);

        var read = await (await owner.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Expired", read.GetProperty("status").GetString());
        Assert.Equal("Expired", read.GetProperty("history").EnumerateArray().Last().GetProperty("to").GetString());
        var listed = await (await owner.GetAsync("/api/demands?status=Expired&pageSize=100")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == id);

        // The barometer's fact ends at the expiry (the start of the quarter after needed-by + grace), and the search
        // index is told through the outbox in the same save.
        var demandId = Guid.Parse(id);
        Assert.Equal(Now.AddQuarters(-2).Index, await api.QueryAsync(db => db.DemandFacts.Where(f => f.DemandId == demandId).Select(f => f.LastQuarter).SingleAsync()));
        Assert.True(await api.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.EntityId == demandId)) >= 2);
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_expire_a_demand_once()
    {
        var (owner, id) = await AStaleOpenDemandAsync();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(SweepAsync)));
        var read = await (await owner.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Expired", read.GetProperty("status").GetString());
        Assert.Single(read.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "Expired");
    }

    [Fact]
    public async Task An_expired_demand_is_not_matched_either_way_and_renewal_brings_it_back()
    {
        var (owner, id) = await AStaleOpenDemandAsync();
        var demandId = Guid.Parse(id);
        await ReindexAsync();
        var top = (await (await owner.GetAsync($"/api/demands/{id}/matches?top=1")).JsonAsync(HttpStatusCode.OK)).GetProperty("results")[0].GetProperty("programmeId").GetGuid();
        Assert.Contains(demandId, await DemandsMatchedAsync(owner, top));

        await SweepAsync();
        await ReindexAsync();
        var refused = await owner.GetAsync($"/api/demands/{id}/matches");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(demandId, await DemandsMatchedAsync(owner, top));

        var expired = await (await owner.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        var renewed = await (await owner.PostJsonAsync($"/api/demands/{id}/renew",
            new { version = expired.GetProperty("version").GetInt32(), neededBy = Now.AddQuarters(1).ToString() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", renewed.GetProperty("status").GetString());
        Assert.Equal(Now.AddQuarters(1).ToString(), renewed.GetProperty("neededBy").GetString());
        await ReindexAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/demands/{id}/matches")).StatusCode);
        Assert.Contains(demandId, await DemandsMatchedAsync(owner, top));
    }

    [Fact]
    public async Task Renewing_a_demand_that_is_not_expired_is_a_409_naming_its_state()
    {
        var owner = await api.ClientForAsync(Enterprise);
        var body = DemandTests.ValidDemand();
        body["open"] = true;
        var created = await (await owner.PostJsonAsync("/api/demands", body)).JsonAsync(HttpStatusCode.Created);
        var response = await owner.PostJsonAsync($"/api/demands/{created.GetProperty("id").GetString()}/renew",
            new { version = created.GetProperty("version").GetInt32(), neededBy = Now.AddQuarters(2).ToString() });
        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_needed_by_a_past_quarter_is_a_400_naming_needed_by()
    {
        var (owner, id) = await AStaleOpenDemandAsync();
        await SweepAsync();
        var expired = await (await owner.GetAsync($"/api/demands/{id}")).JsonAsync(HttpStatusCode.OK);
        await (await owner.PostJsonAsync($"/api/demands/{id}/renew", new { version = expired.GetProperty("version").GetInt32(), neededBy = Now.AddQuarters(-1).ToString() }))
            .AssertFieldErrorAsync("neededBy");
    }
}
