using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainLink.Application.Barometer;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class BarometerTests(ChainLinkApiFactory api, ITestOutputHelper output)
{
    private const string Editions = "/api/barometer/editions";

    /// <summary>The quarter the demo seeder publishes: the last one that has ended.</summary>
    private static string SeededQuarter => Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-1).ToString();

    private static string Ago(int quarters) => Quarter.Of(DateTimeOffset.UtcNow).AddQuarters(-quarters).ToString();

    [Fact]
    public async Task The_demo_edition_is_published_at_seed_time_and_readable_without_signing_in()
    {
        using var anonymous = api.CreateClient();
        var list = await (await anonymous.GetAsync(Editions)).JsonAsync(HttpStatusCode.OK);
        var entry = list.EnumerateArray().Single(e => e.GetProperty("quarter").GetString() == SeededQuarter);
        Assert.Equal(1, entry.GetProperty("revision").GetInt32());
        Assert.Equal("initial", entry.GetProperty("revisionKind").GetString());
        Assert.Equal(BarometerCalculator.MethodologyVersion, entry.GetProperty("methodologyVersion").GetString());
        Assert.True(entry.GetProperty("isLatest").GetBoolean());
        Assert.True(entry.GetProperty("sourceCounts").GetProperty("demands").GetInt32() > 0);
        Assert.Equal(15, entry.GetProperty("sourceCounts").GetProperty("colleges").GetInt32());

        var edition = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}")).JsonAsync(HttpStatusCode.OK);
        var cells = edition.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("segmentType").GetString() == "occupationRegion");
        Assert.Contains(cells, c => c.GetProperty("suppressed").GetBoolean() && c.GetProperty("suppressionReason").GetString() is { Length: > 0 });
        Assert.Contains(cells, c => c.GetProperty("forecast").GetArrayLength() == 4);
        // Methodology 2.0: a forecast says which method made it, and only a forecast does.
        Assert.All(cells, c => Assert.Equal(c.GetProperty("forecast").GetArrayLength() > 0,
            c.TryGetProperty("forecastMethod", out var method) && method.GetString() is "dampedHoltWinters" or "seasonalNaive"));
        var region = cells.Single(c => c.GetProperty("segmentType").GetString() == "region" && c.GetProperty("code").GetString() == "150000");
        Assert.Equal(12, region.GetProperty("history").GetArrayLength());
        Assert.Equal(SeededQuarter, region.GetProperty("history")[11].GetProperty("quarter").GetString());
    }

    [Fact]
    public async Task The_demo_edition_does_not_warn_of_the_graduation_wave_that_comes_every_third_quarter()
    {
        using var anonymous = api.CreateClient();
        var edition = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}")).JsonAsync(HttpStatusCode.OK);
        var cells = edition.GetProperty("cells").EnumerateArray().Where(c => !c.GetProperty("suppressed").GetBoolean()).ToList();
        var settings = BarometerSettings.Default;
        Band? BandAt(JsonElement cell, int point) =>
            cell.GetProperty("history")[point].GetProperty("ratio") is { ValueKind: JsonValueKind.Number } r ? settings.BandOf(r.GetDouble()) : null;
        // What 1.0 warned of: surplus now, another band the quarter before.
        var againstPreviousQuarter = cells.Count(c => BandAt(c, 11) == Band.Surplus && BandAt(c, 10) is { } before && before != Band.Surplus);
        var warned = cells.Where(c => c.GetProperty("warning").GetString() == "enteredSurplus").ToList();
        output.WriteLine($"{SeededQuarter}: {cells.Count} cells; entered surplus against the previous quarter {againstPreviousQuarter}, against the same quarter a year before {warned.Count}");
        Assert.All(warned, c => Assert.Equal(Quarter.Parse(SeededQuarter).AddQuarters(-4).ToString(), c.GetProperty("warningComparedWith").GetString()));
        Assert.All(warned, c => Assert.NotEqual(Band.Surplus, BandAt(c, 7)));
    }

    [Fact]
    public async Task The_csv_holds_the_same_cells_as_the_json()
    {
        using var anonymous = api.CreateClient();
        var json = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}")).JsonAsync(HttpStatusCode.OK);
        var response = await anonymous.GetAsync($"{Editions}/{SeededQuarter}.csv?format=machine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        var rows = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var cells = json.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(cells.Count, rows.Count - 1);
        for (var i = 0; i < cells.Count; i++)
            for (var col = 0; col < header.Count; col++)
            {
                // Methodology 2.0's forecastMethod and warningComparedWith are left out of the JSON when empty.
                var value = cells[i].TryGetProperty(header[col], out var property) ? property : default;
                var expected = value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => "",
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                    _ => value.GetString(),
                };
                Assert.True(expected == rows[i + 1][col], $"row {i + 1}, column {header[col]}: JSON {expected}, CSV {rows[i + 1][col]}");
            }
    }

    [Fact]
    public async Task Barometer_reads_served_from_memory_equal_what_the_stored_bytes_give()
    {
        var quarter = Quarter.Parse(SeededQuarter);
        var stored = await api.QueryAsync(db => db.BarometerEditions.AsNoTracking().SingleAsync(e => e.Quarter == quarter && e.Revision == 1));
        var isLatest = !await api.QueryAsync(db => db.BarometerEditions.AnyAsync(e => e.Quarter == quarter && e.Revision > 1));
        var cells = BarometerPayload.ReadCells(stored.CellsJson);
        var minimum = api.Services.GetRequiredService<IOptions<BarometerOptions>>().Value.RankingMinimumDemand;
        var ranking = cells
            .Where(c => c is { SegmentType: SegmentType.Occupation, Suppressed: false, Ratio: not null, Band: not null } && c.Demand >= minimum)
            .OrderByDescending(c => c.Ratio).ThenByDescending(c => c.Demand).ThenBy(c => c.Code, StringComparer.Ordinal).Take(100)
            .Select((c, i) => new RankingItem(i + 1, c.Code, c.Name, c.Demand!.Value, c.Supply!.Value, c.Ratio!.Value, c.Band!.Value)).ToList();
        Assert.NotEmpty(ranking);
        var code = ranking[0].OccupationCode;
        string Segments(Func<BarometerCell, bool> filter) =>
            JsonSerializer.Serialize(new SegmentsDto(SeededQuarter, 1, cells.Where(filter).ToList()), BarometerPayload.Json);

        using var anonymous = api.CreateClient();
        // Twice: the first read may fill the cache, the second is served from it.
        for (var read = 0; read < 2; read++)
        {
            Assert.Equal(BarometerPayload.EditionJson(EditionSummary.From(stored, isLatest), stored.CellsJson),
                await anonymous.GetByteArrayAsync($"{Editions}/{SeededQuarter}?revision=1"));
            Assert.Equal(stored.CellsCsv, await anonymous.GetByteArrayAsync($"{Editions}/{SeededQuarter}.csv?revision=1&format=machine"));
            Assert.Equal(BarometerPayload.PeopleCsv(cells), await anonymous.GetByteArrayAsync($"{Editions}/{SeededQuarter}.csv?revision=1"));
            Assert.Equal(JsonSerializer.Serialize(new RankingDto(SeededQuarter, 1, minimum, ranking), BarometerPayload.Json),
                await anonymous.GetStringAsync($"{Editions}/{SeededQuarter}/ranking?revision=1&top=100"));
            Assert.Equal(Segments(_ => true), await anonymous.GetStringAsync($"{Editions}/{SeededQuarter}/segments?revision=1"));
            Assert.Equal(Segments(c => c.Code == code), await anonymous.GetStringAsync($"{Editions}/{SeededQuarter}/segments?revision=1&code={code}"));
            foreach (var type in Enum.GetValues<SegmentType>())
            {
                var name = BarometerPayload.Name(type);
                Assert.Equal(Segments(c => c.SegmentType == type), await anonymous.GetStringAsync($"{Editions}/{SeededQuarter}/segments?revision=1&type={name}"));
                Assert.Equal(Segments(c => c.SegmentType == type && c.Code == code),
                    await anonymous.GetStringAsync($"{Editions}/{SeededQuarter}/segments?revision=1&type={name}&code={code}"));
            }
        }
    }

    [Fact]
    public async Task A_published_revision_keeps_its_bytes_after_new_data_and_a_new_revision()
    {
        var quarter = Ago(2);
        var government = await api.ClientForAsync(Government);
        var first = await (await government.PostJsonAsync(Editions, new { quarter })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        using var anonymous = api.CreateClient();
        var json = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}?revision=1");
        var csv = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}.csv?revision=1&format=machine");
        Assert.Equal(first.GetProperty("csvSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(csv)));

        // New source data: every programme's cohorts change, so a recomputation would differ.
        await api.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE GraduateCohorts SET Actual = COALESCE(Actual, Expected) + 7"));
        var second = await (await government.PostJsonAsync(Editions, new { quarter, revision = new { kind = "newSourceData", note = "Colleges reported actual graduates." } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal("newSourceData", second.GetProperty("revisionKind").GetString());
        Assert.NotEqual(first.GetProperty("csvSha256").GetString(), second.GetProperty("csvSha256").GetString());

        var jsonAfter = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}?revision=1");
        var csvAfter = await anonymous.GetByteArrayAsync($"{Editions}/{quarter}.csv?revision=1&format=machine");
        Assert.Equal(csv, csvAfter);
        // The entry around the cells says the revision is no longer the latest; the cells are byte for byte the same.
        Assert.Equal(CellsBytes(json), CellsBytes(jsonAfter));
        Assert.False(JsonDocument.Parse(jsonAfter).RootElement.GetProperty("isLatest").GetBoolean());
        var latest = await (await anonymous.GetAsync($"{Editions}/{quarter}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, latest.GetProperty("revision").GetInt32());
        Assert.Equal("Colleges reported actual graduates.", latest.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Publishing_a_quarter_again_without_revision_intent_is_a_conflict()
    {
        var admin = await api.ClientForAsync(Admin);
        await (await admin.PostJsonAsync(Editions, new { quarter = SeededQuarter })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await api.QueryAsync(db => db.BarometerEditions.CountAsync(e => e.Quarter == Quarter.Parse(SeededQuarter))));
    }

    [Fact]
    public async Task Concurrent_publications_of_one_quarter_make_one_revision_and_one_conflict()
    {
        var quarter = Ago(3);
        var government = await api.ClientForAsync(Government);
        var admin = await api.ClientForAsync(Admin);
        var responses = await Task.WhenAll(government.PostJsonAsync(Editions, new { quarter }), admin.PostJsonAsync(Editions, new { quarter }));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await api.QueryAsync(db => db.BarometerEditions.CountAsync(e => e.Quarter == Quarter.Parse(quarter))));
    }

    [Fact]
    public async Task Only_government_and_admin_publish()
    {
        var before = await api.QueryAsync(db => db.BarometerEditions.CountAsync());
        foreach (var email in new[] { Enterprise, College })
            await (await (await api.ClientForAsync(email)).PostJsonAsync(Editions, new { quarter = Ago(4) })).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync(Editions, new { quarter = Ago(4) })).StatusCode);
        Assert.Equal(before, await api.QueryAsync(db => db.BarometerEditions.CountAsync()));
    }

    [Fact]
    public async Task Bad_quarters_and_revisions_are_rejected_naming_the_field()
    {
        var government = await api.ClientForAsync(Government);
        await (await government.PostJsonAsync(Editions, new { quarter = "2026Q5" })).AssertFieldErrorAsync("quarter");
        await (await government.PostJsonAsync(Editions, new { quarter = Quarter.Of(DateTimeOffset.UtcNow).ToString() })).AssertFieldErrorAsync("quarter");
        await (await government.PostJsonAsync(Editions, new { quarter = SeededQuarter, revision = new { kind = "correction", note = "" } }))
            .AssertFieldErrorAsync("revision.note");
        await (await government.PostJsonAsync(Editions, new { quarter = SeededQuarter, revision = new { kind = "initial", note = "x" } }))
            .AssertFieldErrorAsync("revision.kind");
        await (await government.PostJsonAsync(Editions, new { quarter = "2019Q1", revision = new { kind = "correction", note = "x" } }))
            .AssertFieldErrorAsync("revision");

        using var anonymous = api.CreateClient();
        await (await anonymous.GetAsync($"{Editions}/2026-13")).AssertFieldErrorAsync("quarter");
        await (await anonymous.GetAsync($"{Editions}/nonsense.csv")).AssertFieldErrorAsync("quarter");
        await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}?revision=0")).AssertFieldErrorAsync("revision");
        await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}/ranking?top=0")).AssertFieldErrorAsync("top");
        await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}/segments?type=planet")).AssertFieldErrorAsync("type");
    }

    [Fact]
    public async Task Unknown_editions_and_quarters_without_data_are_not_found()
    {
        using var anonymous = api.CreateClient();
        await (await anonymous.GetAsync($"{Editions}/2019Q1")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}?revision=9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Editions}/2019Q1.csv")).AssertProblemAsync(HttpStatusCode.NotFound);
        var government = await api.ClientForAsync(Government);
        await (await government.PostJsonAsync(Editions, new { quarter = "2015Q2" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await api.QueryAsync(db => db.BarometerEditions.AnyAsync(e => e.Quarter == new Quarter(2015, 2))));
    }

    [Fact]
    public async Task The_ranking_lists_occupations_by_ratio_above_the_minimum_demand_and_segments_filter()
    {
        using var anonymous = api.CreateClient();
        var ranking = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}/ranking?top=5")).JsonAsync(HttpStatusCode.OK);
        var minimum = ranking.GetProperty("minimumDemand").GetInt32();
        var items = ranking.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 5);
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.All(items, i => Assert.True(i.GetProperty("demand").GetDouble() >= minimum));
        var ratios = items.Select(i => i.GetProperty("ratio").GetDouble()).ToList();
        Assert.Equal(ratios.OrderByDescending(r => r), ratios);

        var code = items[0].GetProperty("occupationCode").GetString();
        var segments = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}/segments?type=occupation&code={code}")).JsonAsync(HttpStatusCode.OK);
        var cell = Assert.Single(segments.GetProperty("cells").EnumerateArray());
        Assert.Equal(ratios[0], cell.GetProperty("ratio").GetDouble());
        Assert.Equal(items[0].GetProperty("band").GetString(), cell.GetProperty("band").GetString());
        var crossed = await (await anonymous.GetAsync($"{Editions}/{SeededQuarter}/segments?type=occupationRegion&code={code}")).JsonAsync(HttpStatusCode.OK);
        Assert.All(crossed.GetProperty("cells").EnumerateArray(), c => Assert.Equal(code, c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_database_counts_a_demand_over_its_open_interval_and_ignores_drafts()
    {
        // 2019 has no demo data. Occupation 6-28-01-12 in 150100, edition 2019Q2:
        //   e1 open 2019-01-15 → closed exactly 2019-04-01 00:00 (Q1 only), 5   e2 opened exactly 2019-04-01 00:00, still open, 7
        //   e3 open 2019-03-31 23:59:59 → 2019-04-01 00:00:01 (Q1 and Q2), 11     e4 open May → June, 6   e1 also has a draft of 100
        // 2019Q2: 7 + 11 + 6 = 24 from 3 organisations (top two 75 %); 2019Q1: 5 + 11 from 2 organisations → suppressed.
        var enterprises = await api.QueryAsync(db => db.Organisations.Where(o => o.Kind == ChainLink.Domain.Organisations.OrganisationKind.Enterprise)
            .OrderBy(o => o.Name).Select(o => o.Id).Take(4).ToListAsync());
        var user = Guid.NewGuid();
        Demand Make(Guid organisation, int headcount, DateTime opened, DateTime? closed, bool draft = false)
        {
            var details = new DemandDetails("基准", "", "6-28-01-12", "150100", headcount, EducationLevel.HigherVocational, Quarter.Of(opened),
                null, null, CooperationModes.None, [new DemandSkill("SK0002", true, 2)]);
            var demand = Demand.Create(Guid.CreateVersion7(), organisation, details, opened);
            if (draft) return demand;
            demand.Open(opened, user);
            if (closed is { } at) demand.Close(at, user);
            return demand;
        }
        static DateTime At(int month, int day, int hour = 0, int minute = 0, int second = 0) => new(2019, month, day, hour, minute, second, DateTimeKind.Utc);
        await api.QueryAsync(db =>
        {
            db.Demands.AddRange(
                Make(enterprises[0], 5, At(1, 15), At(4, 1)),
                Make(enterprises[1], 7, At(4, 1), null),
                Make(enterprises[2], 11, At(3, 31, 23, 59, 59), At(4, 1, 0, 0, 1)),
                Make(enterprises[3], 6, At(5, 1), At(6, 1)),
                Make(enterprises[0], 100, At(4, 2), null, draft: true));
            return db.SaveChangesAsync();
        });

        var government = await api.ClientForAsync(Government);
        var published = await (await government.PostJsonAsync(Editions, new { quarter = "2019Q2" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, published.GetProperty("sourceCounts").GetProperty("demands").GetInt32());
        Assert.Equal(3, published.GetProperty("sourceCounts").GetProperty("enterprises").GetInt32());
        Assert.Equal(0, published.GetProperty("sourceCounts").GetProperty("programmes").GetInt32());

        using var anonymous = api.CreateClient();
        var segments = await (await anonymous.GetAsync($"{Editions}/2019Q2/segments?type=occupation&code=6-28-01-12")).JsonAsync(HttpStatusCode.OK);
        var cell = Assert.Single(segments.GetProperty("cells").EnumerateArray());
        Assert.Equal(24, cell.GetProperty("demand").GetDouble());
        Assert.Equal(0, cell.GetProperty("supply").GetDouble());
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("ratio").ValueKind);
        var q1 = cell.GetProperty("history")[10];
        Assert.Equal("2019Q1", q1.GetProperty("quarter").GetString());
        Assert.Equal(JsonValueKind.Null, q1.GetProperty("demand").ValueKind);
        var skill = Assert.Single((await (await anonymous.GetAsync($"{Editions}/2019Q2/segments?type=skill&code=SK0002")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("cells").EnumerateArray());
        Assert.Equal(24, skill.GetProperty("demand").GetDouble());
    }

    [Fact]
    public async Task The_facts_read_natively_and_through_ado_net_give_the_edition_of_the_demands_read_through_ef()
    {
        var quarter = Quarter.Parse(SeededQuarter);
        var (native, adoNet, plain) = await api.QueryAsync(async db =>
        {
            var native = await BarometerSource.LoadAsync(db, new DemandFactReader(db), quarter, default);
            var adoNet = await BarometerSource.LoadAsync(db, new DemandFactReader(db) { UseAdoNet = true }, quarter, default);
            // The straightforward reading: every demand as an entity, its quarters from Quarter.Of over [OpenedAt,
            // ClosedAt), no fact and no SQL of our own.
            var rows = new DemandRows();
            foreach (var d in await db.Demands.AsNoTracking().Where(d => d.Status != DemandStatus.Draft && d.OpenedAt != null).ToListAsync())
                rows.Add(d.OrganisationId, d.OccupationCode, d.RegionCode, Quarter.Of(d.OpenedAt!.Value).Index,
                    d.ClosedAt is { } closed ? Quarter.Of(closed.AddTicks(-1)).Index : null, d.Headcount, string.Join(' ', d.Skills.Select(s => s.SkillCode)));
            return (native, adoNet, native with { Demands = rows });
        });
        Assert.True(native.Demands.Count > 100, "the demo data should have demands in the window");

        var expected = BarometerCalculator.Compute(quarter, plain, BarometerSettings.Default);
        foreach (var input in new[] { native, adoNet })
        {
            var result = BarometerCalculator.Compute(quarter, input, BarometerSettings.Default);
            Assert.Equal(expected.SourceCounts, result.SourceCounts);
            Assert.Equal(BarometerPayload.CellsJson(expected.Cells), BarometerPayload.CellsJson(result.Cells));
        }
    }

    [Fact]
    public async Task The_json_written_in_halves_is_byte_for_byte_the_json_written_at_once()
    {
        var cells = Enumerable.Range(0, 5).Select(i => new BarometerCell(SegmentType.Skill, $"SK000{i}", $"技能{i}", null, null, i, 2, i / 2.0,
            Band.Balanced, null, null, [new HistoryPoint("2026Q3", i, 2, i / 2.0)], [], null, false, null, null, null)).ToList();
        foreach (var count in new[] { 0, 1, 2, 5 })
        {
            var (json, _) = await BarometerPayload.CellsJsonAndCsvAsync(cells.Take(count).ToList());
            Assert.Equal(BarometerPayload.CellsJson(cells.Take(count).ToList()), json);
        }
    }

    /// <summary>The raw bytes of the "cells" value inside an edition response.</summary>
    private static byte[] CellsBytes(byte[] edition)
    {
        var reader = new Utf8JsonReader(edition);
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("cells") && reader.CurrentDepth == 1)
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return edition[start..(int)reader.BytesConsumed];
            }
        throw new InvalidOperationException("No cells in the edition.");
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(ch);
        }
        return rows;
    }
}

public sealed class BarometerConfigurationTests
{
    [Fact]
    public void Bands_out_of_order_stop_the_start_with_a_message_naming_them()
    {
        using var api = new ChainLinkApiFactory().WithWebHostBuilder(b => b.UseSetting("ChainLink:Barometer:TightFrom", "5"));
        var error = Assert.Throws<OptionsValidationException>(() => api.Services);
        Assert.Contains("SurplusBelow < TightFrom < ShortageFrom", error.Message, StringComparison.Ordinal);
    }
}
