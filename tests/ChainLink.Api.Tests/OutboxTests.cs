using System.Net;
using System.Text.Json;
using ChainLink.Application.Matching;
using ChainLink.Domain.Programmes;
using ChainLink.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// The outbox through the real pipeline (HTTP → handler → SQLite → dispatcher → index): rows are written with the
/// change, the index may be down, dispatchers may die or run side by side, and the index still ends up with every
/// entity's final version.
/// </summary>
public sealed class OutboxTests(OutboxApiFactory api) : IClassFixture<OutboxApiFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private Task<List<OutboxMessage>> RowsAsync(Guid entityId) =>
        api.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.EntityId == entityId).OrderBy(m => m.Id).ToListAsync());

    private async Task<(Guid Id, int Version)> CreateDemandAsync(HttpClient client, string title = "招聘光伏电站运维员3名")
    {
        var created = await (await client.PostJsonAsync("/api/demands", DemandTests.ValidDemand(title))).JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, int version) =>
        await (await client.PostJsonAsync($"/api/demands/{id}/{action}", new { version })).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Every_committed_change_writes_one_row_and_a_refused_command_writes_none()
    {
        using var client = await api.ClientForAsync(Enterprise);
        var (id, version) = await CreateDemandAsync(client);
        var opened = await ActAsync(client, id, "open", version);

        var stale = DemandTests.ValidDemand();
        stale["version"] = version;
        await (await client.PutJsonAsync($"/api/demands/{id}", stale)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostJsonAsync("/api/demands", new { })).AssertFieldErrorAsync("title");

        var rows = await RowsAsync(id);
        Assert.Equal([1L, opened.GetProperty("version").GetInt32()], rows.Select(r => r.EntityVersion));
        Assert.All(rows, r => Assert.Equal(SearchDocumentKind.Demand, r.Kind));
        Assert.All(rows, r => Assert.Null(r.ProcessedAt));
    }

    [Fact]
    public async Task A_change_only_to_an_owned_collection_still_writes_a_row_for_its_owner()
    {
        var (programmeId, demandId) = await api.QueryAsync(async db =>
            (await db.Programmes.Where(p => p.Modules.Any(m => m.Skills.Count > 1)).Select(p => p.Id).FirstAsync(), await db.Demands.Select(d => d.Id).FirstAsync()));

        await api.QueryAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
            // Removes a module's skill and changes another's level without touching the programme row itself.
            var module = programme.Modules.First(m => m.Skills.Count > 1);
            module.Skills.RemoveAt(0);
            db.Entry(module.Skills[0]).Property(nameof(ModuleSkill.Level)).CurrentValue = module.Skills[0].Level == 3 ? 1 : 3;
            var demand = await db.Demands.SingleAsync(d => d.Id == demandId);
            db.Entry(demand.Skills[0]).Property("Level").CurrentValue = demand.Skills[0].Level == 3 ? 1 : 3;
            Assert.Equal(EntityState.Unchanged, db.Entry(programme).State);
            return await db.SaveChangesAsync();
        });

        Assert.Single(await RowsAsync(programmeId), r => r.Kind == SearchDocumentKind.Programme && r.ProcessedAt == null);
        Assert.Single(await RowsAsync(demandId), r => r.Kind == SearchDocumentKind.Demand && r.ProcessedAt == null);
    }

    [Fact]
    public async Task Commands_succeed_while_the_index_is_down_and_the_index_catches_up_with_each_final_version()
    {
        var dispatcher = api.Dispatcher(_clock);
        await OutboxApiFactory.DrainAsync(dispatcher);
        using var client = await api.ClientForAsync(Enterprise);

        api.Index.Down = true;
        var (id, version) = await CreateDemandAsync(client, "索引停机期间发布的需求");
        var opened = await ActAsync(client, id, "open", version);
        var final = (await ActAsync(client, id, "fill", opened.GetProperty("version").GetInt32())).GetProperty("version").GetInt32();

        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0);
        var failed = await RowsAsync(id);
        Assert.All(failed, r => Assert.Equal((1, _clock.GetUtcNow().UtcDateTime.AddSeconds(1)), (r.Attempts, r.NextAttemptAt!.Value)));
        Assert.All(failed, r => Assert.Contains("down", r.LastError, StringComparison.Ordinal));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.All(await RowsAsync(id), r => Assert.Equal((2, _clock.GetUtcNow().UtcDateTime.AddSeconds(2)), (r.Attempts, r.NextAttemptAt!.Value)));

        api.Index.Down = false;
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Null(api.Index.Current(SearchDocumentKind.Demand, id));

        _clock.Advance(TimeSpan.FromSeconds(2));
        await OutboxApiFactory.DrainAsync(dispatcher);

        var applied = Assert.Single(api.Index.Applied, c => c.Id == id);
        Assert.Equal(final, applied.Version);
        Assert.False(applied.Document!.Active);
        Assert.All(await RowsAsync(id), r => Assert.Equal((true, null, null), (r.ProcessedAt.HasValue, r.LeaseOwner, r.LastError)));
    }

    [Fact]
    public async Task A_dispatcher_that_dies_after_claiming_leaves_its_rows_to_another_once_the_lease_expires()
    {
        var survivor = api.Dispatcher(_clock);
        await OutboxApiFactory.DrainAsync(survivor);
        using var client = await api.ClientForAsync(Enterprise);
        var (id, version) = await CreateDemandAsync(client, "派发器崩溃前认领的需求");

        var dead = api.Dispatcher(_clock);
        var claimed = await dead.ClaimAsync(CancellationToken.None);
        Assert.Contains(claimed!.Messages, m => m.EntityId == id);

        Assert.Equal(0, await survivor.DispatchOnceAsync(CancellationToken.None));
        Assert.Null(api.Index.Current(SearchDocumentKind.Demand, id));

        _clock.Advance(OutboxApiFactory.Options().LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.True(await survivor.DispatchOnceAsync(CancellationToken.None) > 0);
        Assert.Equal(version, api.Index.Current(SearchDocumentKind.Demand, id)!.Version);
        var row = Assert.Single(await RowsAsync(id));
        Assert.NotNull(row.ProcessedAt);

        // The dead dispatcher comes back and finishes its stale batch: the re-apply is idempotent and marks nothing.
        Assert.True(await dead.ApplyAsync(claimed, CancellationToken.None));
        Assert.Equal(version, api.Index.Current(SearchDocumentKind.Demand, id)!.Version);
        Assert.Equal(row.ProcessedAt, Assert.Single(await RowsAsync(id)).ProcessedAt);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_apply_every_change_exactly_once()
    {
        await OutboxApiFactory.DrainAsync(api.Dispatcher(_clock));
        using var client = await api.ClientForAsync(Enterprise2);
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++) ids.Add((await CreateDemandAsync(client, $"并发派发测试需求{i}")).Id);
        var before = api.Index.Applied.Count;

        var first = api.Dispatcher(_clock, batchSize: 3);
        var second = api.Dispatcher(_clock, batchSize: 3);
        var claimed = await Task.WhenAll(Task.Run(() => OutboxApiFactory.DrainAsync(first)), Task.Run(() => OutboxApiFactory.DrainAsync(second)));

        Assert.Equal(ids.Count, claimed.Sum());

        var applied = api.Index.Applied.Skip(before).ToList();
        Assert.Empty(api.Index.Overlaps);
        Assert.Equal(ids.Order(), applied.Select(c => c.Id).Order());
        var rows = await api.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.EntityId)).ToListAsync());
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((true, null), (r.ProcessedAt.HasValue, r.LeaseOwner)));
    }

    [Fact]
    public async Task Processed_rows_are_purged_after_the_retention_period_and_pending_rows_are_kept()
    {
        var dispatcher = api.Dispatcher(_clock);
        await OutboxApiFactory.DrainAsync(dispatcher);
        using var client = await api.ClientForAsync(Enterprise);
        api.Index.Down = true;
        var (pending, _) = await CreateDemandAsync(client, "保留期测试需求");
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        api.Index.Down = false;

        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await dispatcher.PurgeAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await dispatcher.PurgeAsync(CancellationToken.None) > 0);

        Assert.Equal(0, await api.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt != null)));
        Assert.Null(Assert.Single(await RowsAsync(pending)).ProcessedAt);
        await OutboxApiFactory.DrainAsync(dispatcher);
        Assert.NotNull(Assert.Single(await RowsAsync(pending)).ProcessedAt);
    }

    [Fact]
    public async Task Admin_reindex_rebuilds_the_index_from_the_database()
    {
        using var admin = await api.ClientForAsync(Admin);
        using var client = await api.ClientForAsync(Enterprise);
        var (pending, _) = await CreateDemandAsync(client);

        var result = await (await admin.PostAsync("/api/admin/search/reindex", null)).JsonAsync(HttpStatusCode.OK);

        // The rebuild read the demand as it is now, so its outbox row is done: no dispatcher applies it a second time.
        Assert.NotNull(Assert.Single(await RowsAsync(pending)).ProcessedAt);

        var (programmes, demands) = await api.QueryAsync(async db => (await db.Programmes.CountAsync(), await db.Demands.CountAsync()));
        Assert.Equal((programmes, demands), (result.GetProperty("programmes").GetInt32(), result.GetProperty("demands").GetInt32()));
        Assert.True(api.Index.Clears > 0);
        Assert.Equal(programmes + demands, api.Index.Count);
    }

    [Fact]
    public async Task Reindex_is_for_admins_and_answers_503_when_the_index_is_down()
    {
        using var enterprise = await api.ClientForAsync(Enterprise);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsync("/api/admin/search/reindex", null)).StatusCode);

        using var admin = await api.ClientForAsync(Admin);
        api.Index.Down = true;
        try
        {
            var problem = await (await admin.PostAsync("/api/admin/search/reindex", null)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("搜索索引暂不可用", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            api.Index.Down = false;
        }
    }
}
