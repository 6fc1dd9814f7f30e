using System.Net;
using System.Text.Json;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>The barometer's fact of a demand follows every write to the demand, in the same save.</summary>
[Collection(ApiCollection.Name)]
public sealed class BarometerFactTests(ChainLinkApiFactory api)
{
    private Task<DemandFact?> FactAsync(string id) =>
        api.QueryAsync(db => db.DemandFacts.AsNoTracking().SingleOrDefaultAsync(f => f.DemandId == Guid.Parse(id)));

    private static int Version(JsonElement demand) => demand.GetProperty("version").GetInt32();

    [Fact]
    public async Task A_demand_has_a_fact_from_its_opening_that_follows_edits_closing_and_reopening()
    {
        var client = await api.ClientForAsync(Enterprise);
        var now = Quarter.Of(DateTimeOffset.UtcNow).Index;
        var created = await (await client.PostJsonAsync("/api/demands", DemandTests.ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Null(await FactAsync(id));

        var opened = await (await client.PostJsonAsync($"/api/demands/{id}/open", new { version = Version(created) })).JsonAsync(HttpStatusCode.OK);
        var fact = await FactAsync(id);
        Assert.NotNull(fact);
        Assert.Equal(("5-05-03-03", "150600", 3, "SK0002"), (fact.OccupationCode, fact.RegionCode, fact.Headcount, fact.SkillCodes));
        Assert.Equal((now, (int?)null), (fact.FirstQuarter, fact.LastQuarter));

        var edit = DemandTests.ValidDemand();
        edit["version"] = Version(opened);
        edit["headcount"] = 7;
        edit["regionCode"] = "150200";
        edit["skills"] = new object[] { new { skillCode = "SK0010", essential = true, level = 2 }, new { skillCode = "SK0002", essential = false, level = 1 } };
        var edited = await (await client.PutJsonAsync($"/api/demands/{id}", edit)).JsonAsync(HttpStatusCode.OK);
        fact = await FactAsync(id);
        Assert.Equal(("150200", 7, "SK0010 SK0002"), (fact!.RegionCode, fact.Headcount, fact.SkillCodes));

        // A stale edit is refused and changes nothing, the fact included.
        edit["version"] = Version(opened);
        edit["headcount"] = 9;
        await (await client.PutJsonAsync($"/api/demands/{id}", edit)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(7, (await FactAsync(id))!.Headcount);

        var closed = await (await client.PostJsonAsync($"/api/demands/{id}/close", new { version = Version(edited) })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(now, (await FactAsync(id))!.LastQuarter);

        await (await client.PostJsonAsync($"/api/demands/{id}/open", new { version = Version(closed) })).JsonAsync(HttpStatusCode.OK);
        fact = await FactAsync(id);
        Assert.Equal((now, (int?)null), (fact!.FirstQuarter, fact.LastQuarter));
    }

    [Fact]
    public async Task Reading_the_facts_sends_no_query_through_the_callers_context_which_stays_free_for_the_programme_reads()
    {
        var commands = new CommandCounter();
        var options = new DbContextOptionsBuilder<AppDbContext>(api.Services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(commands).Options;
        await using var db = new AppDbContext(options);
        var quarter = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1);
        var reading = new DemandFactReader(db).ReadAsync(quarter.AddQuarters(-11).Index, quarter.Index, new HashSet<Guid>(), default);
        Assert.Equal(0, commands.Count);
        var programmes = await db.Programmes.CountAsync();
        Assert.True((await reading).Count > 0);
        Assert.True(programmes > 0);
        Assert.Equal(1, commands.Count);
    }

    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Facts_lost_or_never_written_are_written_again_at_start_as_the_demands_say()
    {
        static Task<List<DemandFact>> AllAsync(AppDbContext db) => db.DemandFacts.AsNoTracking().OrderBy(f => f.DemandId).ToListAsync();
        var before = await api.QueryAsync(AllAsync);
        Assert.NotEmpty(before);
        var counted = await api.QueryAsync(db => db.Demands.CountAsync(d => d.Status != Domain.Demands.DemandStatus.Draft && d.OpenedAt != null));
        Assert.Equal(counted, before.Count);

        // Facts of a third of the demands disappear (as if written by an older version, or by SQL around the context).
        var removed = await api.QueryAsync(db => db.DemandFacts.Where(f => f.Id % 3 == 0).ExecuteDeleteAsync());
        Assert.True(removed > 0);
        var written = await api.QueryAsync(db => DemandFactBackfill.RunAsync(db, default));
        Assert.Equal(removed, written);
        Assert.Equal(0, await api.QueryAsync(db => DemandFactBackfill.RunAsync(db, default)));

        var after = await api.QueryAsync(AllAsync);
        string Figures(DemandFact f) => $"{f.DemandId} {f.OrganisationId} {f.OccupationCode} {f.RegionCode} {f.FirstQuarter} {f.LastQuarter} {f.Headcount} {f.SkillCodes}";
        Assert.Equal(before.Select(Figures), after.Select(Figures));
    }
}
