using System.Net;
using System.Text;
using System.Text.Json;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>The dashboard through the real pipeline on the demo data, checked against the database directly.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(ChainLinkApiFactory api)
{
    private static readonly int Year = DateTime.UtcNow.Year;

    private static JsonElement FigureOf(JsonElement dashboard, string key) =>
        dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    private static double? Row(JsonElement figure, string key)
    {
        var value = figure.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
    }

    private static HashSet<Guid> RecordIds(JsonElement records, string type) =>
        [.. records.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type).Select(r => r.GetProperty("id").GetGuid())];

    private async Task<Guid> OrganisationOfAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK)).GetProperty("organisationId").GetGuid();

    [Fact]
    public async Task The_drill_down_returns_exactly_the_confirmed_outcomes_behind_the_returns_figure()
    {
        var government = await api.ClientForAsync(Government);
        var dashboard = await (await government.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK);
        var records = await (await government.GetAsync($"/api/dashboard/figures/returns/records?year={Year}")).JsonAsync(HttpStatusCode.OK);

        var confirmed = await api.QueryAsync(db => db.Outcomes.AsNoTracking().Where(o => o.Year == Year && o.Status == ReportStatus.Confirmed)
            .Select(o => new { o.Id, o.Kind, o.Quantity, o.DisputeCount }).ToListAsync());
        var notCounted = await api.QueryAsync(db => db.Outcomes.AsNoTracking().Where(o => o.Year == Year && o.Status != ReportStatus.Confirmed)
            .Select(o => o.Id).ToListAsync());
        Assert.NotEmpty(notCounted);
        Assert.Contains(confirmed, o => o.DisputeCount > 0);

        Assert.Equal(confirmed.Select(o => o.Id).ToHashSet(), RecordIds(records, "outcome"));
        Assert.Empty(RecordIds(records, "outcome").Intersect(notCounted));
        Assert.All(records.GetProperty("records").EnumerateArray(), r => Assert.Equal("已确认", r.GetProperty("status").GetString()));
        var returns = FigureOf(dashboard, "returns");
        Assert.Equal(confirmed.Where(o => o.Kind == OutcomeKind.GraduatesHired).Sum(o => o.Quantity), Row(returns, "kind:GraduatesHired"));
        Assert.Equal(confirmed.Select(o => o.Id).ToHashSet(),
            returns.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet());
    }

    [Fact]
    public async Task The_drill_down_of_the_investment_figure_sums_to_the_figure()
    {
        var government = await api.ClientForAsync(Government);
        var dashboard = await (await government.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK);
        var records = await (await government.GetAsync($"/api/dashboard/figures/investment/records?year={Year}")).JsonAsync(HttpStatusCode.OK);

        var ids = RecordIds(records, "investment");
        var rows = await api.QueryAsync(db => db.Investments.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Join(db.Organisations, i => i.PartyOrganisationId, o => o.Id, (i, o) => new { i.Status, i.Year, i.ActualFunds, o.Kind }).ToListAsync());
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((ReportStatus.Confirmed, Year), (r.Status, r.Year)));
        Assert.Equal(rows.Where(r => r.Kind == OrganisationKind.Enterprise).Sum(r => r.ActualFunds), Row(FigureOf(dashboard, "investment"), "enterprise:funds"));
        var all = await api.QueryAsync(db => db.Investments.AsNoTracking().CountAsync(i => i.Year == Year && i.Status == ReportStatus.Confirmed));
        Assert.Equal(all, ids.Count);
    }

    [Fact]
    public async Task A_college_sees_its_own_organisations_figures_and_is_refused_another_colleges()
    {
        var college = await api.ClientForAsync(College);
        var own = await OrganisationOfAsync(college);
        var other = await OrganisationOfAsync(await api.ClientForAsync(College2));

        var dashboard = await (await college.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(own, dashboard.GetProperty("filter").GetProperty("college").GetGuid());
        var structure = FigureOf(dashboard, "structure");
        var agreements = structure.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
        var parties = await api.QueryAsync(db => db.Agreements.AsNoTracking().Where(a => agreements.Contains(a.Id))
            .Select(a => new { a.FirstPartyId, a.SecondPartyId }).ToListAsync());
        Assert.NotEmpty(parties);
        Assert.All(parties, p => Assert.Contains(own, new[] { p.FirstPartyId, p.SecondPartyId }));

        var refused = await (await college.GetAsync($"/api/dashboard?year={Year}&college={other}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("本院校", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await college.GetAsync($"/api/dashboard/figures/returns/records?year={Year}&college={other}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Government_reads_every_agreement_and_an_enterprise_only_its_own()
    {
        var government = await api.ClientForAsync(Government);
        var all = FigureOf(await (await government.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK), "structure");
        var enterprise = await api.ClientForAsync(Enterprise);
        var own = await OrganisationOfAsync(enterprise);
        var mine = await (await enterprise.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK);

        var start = new DateOnly(Year, 1, 1);
        var end = new DateOnly(Year, 12, 31);
        var ofYear = await api.QueryAsync(db => db.Agreements.AsNoTracking().Where(a => a.StartDate <= end && a.EndDate >= start)
            .Select(a => new { a.Id, a.FirstPartyId, a.SecondPartyId, a.EndedAt }).ToListAsync());
        var counted = ofYear.Where(a => a.EndedAt is null || DateOnly.FromDateTime(a.EndedAt.Value) >= start).ToList();
        Assert.Equal(counted.Count, Row(all, "agreements"));
        Assert.Equal(own, mine.GetProperty("filter").GetProperty("enterprise").GetGuid());
        Assert.Equal(counted.Count(a => a.FirstPartyId == own || a.SecondPartyId == own), Row(FigureOf(mine, "structure"), "agreements"));
    }

    [Fact]
    public async Task Every_table_downloads_as_csv_with_a_bom_and_chinese_headers_and_as_excel()
    {
        var government = await api.ClientForAsync(Government);

        var csv = await government.GetAsync($"/api/dashboard/figures/roi?year={Year}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("指标代码,指标,数值,单位,低限,高限\r\n", text, StringComparison.Ordinal);
        Assert.Contains("roi,", text, StringComparison.Ordinal);
        Assert.Contains("数据完整度：已确认占比", text, StringComparison.Ordinal);

        var records = Encoding.UTF8.GetString((await (await government.GetAsync($"/api/dashboard/figures/returns/records?year={Year}&format=csv")).Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("类型,编号,名称,相关单位", records, StringComparison.Ordinal);

        foreach (var url in new[] { $"/api/dashboard?year={Year}&format=xlsx", $"/api/graduate-outcomes/aggregates?year={Year - 1}&format=xlsx" })
        {
            var excel = await government.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PK"u8.ToArray(), (await excel.Content.ReadAsByteArrayAsync())[..2]);
        }
    }

    [Fact]
    public async Task A_bad_filter_or_format_is_a_400_naming_the_field()
    {
        var government = await api.ClientForAsync(Government);

        await (await government.GetAsync("/api/dashboard?year=1900")).AssertFieldErrorAsync("year");
        await (await government.GetAsync("/api/dashboard?quarter=5")).AssertFieldErrorAsync("quarter");
        await (await government.GetAsync("/api/dashboard?region=abc")).AssertFieldErrorAsync("region");
        var format = await (await government.GetAsync("/api/dashboard/figures/roi?format=pdf")).AssertFieldErrorAsync("format");
        Assert.Contains("csv", format.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        await (await government.GetAsync("/api/dashboard/figures/nonsense/records")).AssertFieldErrorAsync("figure");
        await (await government.GetAsync("/api/dashboard/figures/nonsense")).AssertFieldErrorAsync("figure");
    }

    [Fact]
    public async Task The_demo_dashboard_shows_confirmed_figures_with_their_completeness()
    {
        var government = await api.ClientForAsync(Government);
        var dashboard = await (await government.GetAsync($"/api/dashboard?year={Year}")).JsonAsync(HttpStatusCode.OK);

        var roi = FigureOf(dashboard, "roi").GetProperty("rows")[0];
        Assert.True(roi.GetProperty("value").GetDouble() > 0);
        Assert.True(roi.GetProperty("low").GetDouble() <= roi.GetProperty("value").GetDouble());
        Assert.True(roi.GetProperty("high").GetDouble() >= roi.GetProperty("value").GetDouble());
        var completeness = FigureOf(dashboard, "roi").GetProperty("completeness");
        Assert.InRange(completeness.GetProperty("confirmedShare").GetDouble(), 0.01, 0.99);
        Assert.True(completeness.GetProperty("disputedShare").GetDouble() > 0);
        Assert.True(Row(FigureOf(dashboard, "structure"), "agreements") > 0);
        Assert.True(Row(FigureOf(dashboard, "funnel"), "demands") > 0);
    }
}
