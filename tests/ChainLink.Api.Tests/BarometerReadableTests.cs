using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainLink.Application.Barometer;
using ChainLink.Domain.Common;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Figures people can read (issue 19, methodology 2.0): the people's CSV, the machine CSV, units and the legend.</summary>
[Collection(ApiCollection.Name)]
public sealed class BarometerReadableTests(ChainLinkApiFactory api)
{
    private const string Editions = "/api/barometer/editions";

    private static string SeededQuarter => Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1).ToString();

    [Fact]
    public async Task A_new_editions_csv_for_people_has_chinese_headers_a_bom_and_chinese_band_names()
    {
        using var anonymous = api.CreateClient();
        var response = await anonymous.GetAsync($"{Editions}/{SeededQuarter}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("分段类型,代码,名称,地区代码,地区,需求（人）,供给（人）,供需比（倍）,状态,供需比较上季度变化,供需比较去年同季度变化,预警,预警对比季度,不予公布,不予公布原因,预测方法", lines[0]);
        var machine = await anonymous.GetByteArrayAsync($"{Editions}/{SeededQuarter}.csv?format=machine");
        var machineLines = Encoding.UTF8.GetString(machine, 3, machine.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(machineLines.Length, lines.Length);

        // Band is the ninth column; none of the demo's names or reasons holds a comma, so a plain split reads the rows.
        var bands = lines.Skip(1).Select(l => l.Split(',')[8]).Where(b => b.Length > 0).ToHashSet();
        Assert.Subset(new HashSet<string> { "紧缺", "偏紧", "均衡", "富余" }, bands);
        Assert.True(bands.Count >= 2, $"the demo edition should have cells in several bands, got {string.Join(' ', bands)}");
        var row = lines.Skip(1).First(l => l.StartsWith("地区,150000,", StringComparison.Ordinal));
        Assert.Equal("否", row.Split(',')[13]);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("shortage", StringComparison.Ordinal) || l.Contains("surplus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_machine_csv_keeps_the_stable_english_keys_and_the_published_hash()
    {
        using var anonymous = api.CreateClient();
        var entry = (await (await anonymous.GetAsync(Editions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(e => e.GetProperty("quarter").GetString() == SeededQuarter);
        var machine = await anonymous.GetByteArrayAsync($"{Editions}/{SeededQuarter}.csv?format=machine");
        Assert.Equal(entry.GetProperty("csvSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(machine)));
        var header = Encoding.UTF8.GetString(machine, 3, machine.Length - 3).Split("\r\n")[0];
        Assert.Equal("segmentType,code,name,regionCode,regionName,demand,supply,ratio,band,changeOnQuarter,changeOnYear,warning,warningComparedWith,suppressed,suppressionReason,forecastMethod", header);
        Assert.Contains(",balanced,", Encoding.UTF8.GetString(machine), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_format_that_does_not_exist_is_a_bad_request_naming_it()
    {
        using var anonymous = api.CreateClient();
        var problem = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}.csv?format=excel")).AssertFieldErrorAsync("format");
        Assert.Contains("machine", problem.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_edition_states_the_unit_of_every_change_and_carries_a_legend_for_suppressed_and_empty_cells()
    {
        using var anonymous = api.CreateClient();
        var edition = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}")).JsonAsync(HttpStatusCode.OK);
        var units = edition.GetProperty("units");
        Assert.Equal("ratioPoints", units.GetProperty("changeOnQuarter").GetProperty("unit").GetString());
        Assert.Equal("ratioPoints", units.GetProperty("changeOnYear").GetProperty("unit").GetString());
        Assert.Contains("不是百分比", units.GetProperty("changeOnYear").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("persons", units.GetProperty("demand").GetProperty("unit").GetString());
        Assert.Contains("整人", units.GetProperty("supply").GetProperty("description").GetString(), StringComparison.Ordinal);
        // Every scalar figure of a cell has its unit.
        var cell = edition.GetProperty("cells")[0];
        foreach (var field in new[] { "demand", "supply", "ratio", "changeOnQuarter", "changeOnYear", "history", "forecast" })
        {
            Assert.True(cell.TryGetProperty(field, out _), field);
            Assert.True(units.TryGetProperty(field, out _), $"no unit for {field}");
        }

        var legend = edition.GetProperty("legend");
        Assert.Contains("不予公布", legend.GetProperty("suppressed").GetString(), StringComparison.Ordinal);
        Assert.Contains("既没有需求也没有供给", legend.GetProperty("empty").GetString(), StringComparison.Ordinal);
        foreach (var reason in new[] { "fewContributors", "dominance", "secondary", "noRatio" })
            Assert.False(string.IsNullOrWhiteSpace(legend.GetProperty(reason).GetString()), reason);

        // The list carries the same, so the page need not download the cells to show the legend.
        var entry = (await (await anonymous.GetAsync(Editions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(e => e.GetProperty("quarter").GetString() == SeededQuarter);
        Assert.Equal(legend.GetProperty("empty").GetString(), entry.GetProperty("legend").GetProperty("empty").GetString());
    }

    [Fact]
    public async Task A_methodology_1_0_edition_is_served_byte_for_byte_as_published()
    {
        var quarter = Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-5);
        var government = await api.ClientForAsync(Government);
        var published = await (await government.PostJsonAsync(Editions, new { quarter = quarter.ToString() })).JsonAsync(HttpStatusCode.Created);
        // An edition published before 2.0: its stored bytes are what 1.0 wrote, and only its version says so.
        await api.QueryAsync(db => db.BarometerEditions.Where(e => e.Quarter == quarter)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.MethodologyVersion, "1.0")));

        using var anonymous = api.CreateClient();
        var csv = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}.csv");
        Assert.Equal(published.GetProperty("csvSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(csv)));
        Assert.Equal(csv, await anonymous.GetByteArrayAsync($"{Editions}/{quarter}.csv?format=machine"));
        Assert.StartsWith("segmentType,code,", Encoding.UTF8.GetString(csv, 3, 40), StringComparison.Ordinal);

        var json = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}");
        var edition = JsonDocument.Parse(json).RootElement;
        Assert.Equal("1.0", edition.GetProperty("methodologyVersion").GetString());
        Assert.False(edition.TryGetProperty("units", out _));
        Assert.False(edition.TryGetProperty("legend", out _));
        var cells = Encoding.UTF8.GetBytes(edition.GetProperty("cells").GetRawText());
        Assert.Equal(published.GetProperty("jsonSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(cells)));
        var entry = (await (await anonymous.GetAsync(Editions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(e => e.GetProperty("quarter").GetString() == quarter.ToString());
        Assert.False(entry.TryGetProperty("legend", out _));
    }
}
