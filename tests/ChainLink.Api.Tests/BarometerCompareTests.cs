using System.Net;
using System.Text.Json;
using ChainLink.Domain.Common;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Two revisions of the demo edition side by side; its own API, as it adds a revision to the demo quarter.</summary>
public sealed class BarometerCompareTests(ChainLinkApiFactory api) : IClassFixture<ChainLinkApiFactory>
{
    private const string Editions = "/api/barometer/editions";
    private static string DemoQuarter => Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1).ToString();

    private static JsonElement Cell(JsonElement segments, string type, string code, string? region) =>
        segments.GetProperty("cells").EnumerateArray().Single(c =>
            c.GetProperty("segmentType").GetString() == type && c.GetProperty("code").GetString() == code && c.GetProperty("regionCode").GetString() == region);

    [Fact]
    public async Task A_revision_after_new_data_is_compared_cell_by_cell_with_the_first()
    {
        var government = await api.ClientForAsync(Government);
        await api.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE GraduateCohorts SET Actual = COALESCE(Actual, Expected) + 7"));
        await (await government.PostJsonAsync(Editions, new { quarter = DemoQuarter, revision = new { kind = "newSourceData", note = "院校上报了实际毕业人数。" } }))
            .JsonAsync(HttpStatusCode.Created);
        using var anonymous = api.CreateClient();

        var comparison = await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/compare?from=1&to=2")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(DemoQuarter, comparison.GetProperty("quarter").GetString());
        var from = comparison.GetProperty("from");
        var to = comparison.GetProperty("to");
        Assert.Equal(1, from.GetProperty("revision").GetInt32());
        Assert.Equal("initial", from.GetProperty("kind").GetString());
        Assert.Equal("newSourceData", to.GetProperty("kind").GetString());
        Assert.Equal("院校上报了实际毕业人数。", to.GetProperty("note").GetString());
        Assert.NotEqual(from.GetProperty("csvSha256").GetString(), to.GetProperty("csvSha256").GetString());

        var first = await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/segments?revision=1")).JsonAsync(HttpStatusCode.OK);
        var second = await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/segments?revision=2")).JsonAsync(HttpStatusCode.OK);
        var counts = comparison.GetProperty("counts");
        var differences = comparison.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(first.GetProperty("cells").GetArrayLength(),
            counts.GetProperty("removed").GetInt32() + counts.GetProperty("changed").GetInt32() + counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(second.GetProperty("cells").GetArrayLength(),
            counts.GetProperty("added").GetInt32() + counts.GetProperty("changed").GetInt32() + counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(differences.Count, counts.GetProperty("added").GetInt32() + counts.GetProperty("removed").GetInt32() + counts.GetProperty("changed").GetInt32());
        Assert.True(counts.GetProperty("changed").GetInt32() > 0);

        // Each changed supply is the stored cells' supply before and after.
        var supplyChanges = differences.Where(d => d.GetProperty("change").GetString() == "changed")
            .SelectMany(d => d.GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("field").GetString() == "supply").Select(f => (Cell: d, Field: f)))
            .Take(20).ToList();
        Assert.NotEmpty(supplyChanges);
        foreach (var (cell, field) in supplyChanges)
        {
            var type = cell.GetProperty("segmentType").GetString()!;
            var code = cell.GetProperty("code").GetString()!;
            var region = cell.GetProperty("regionCode").GetString();
            Assert.Equal(Cell(first, type, code, region).GetProperty("supply").GetRawText(), field.GetProperty("before").GetRawText());
            Assert.Equal(Cell(second, type, code, region).GetProperty("supply").GetRawText(), field.GetProperty("after").GetRawText());
        }
    }

    [Fact]
    public async Task Unknown_quarters_and_revisions_are_404_and_a_revision_against_itself_is_400()
    {
        using var anonymous = api.CreateClient();
        await (await anonymous.GetAsync($"{Editions}/2001Q1/compare?from=1&to=2")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/compare?from=1&to=9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/compare?from=1&to=1")).AssertFieldErrorAsync("to");
        await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/compare?from=0&to=1")).AssertFieldErrorAsync("from");
        await (await anonymous.GetAsync($"{Editions}/{DemoQuarter}/compare?from=1")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
