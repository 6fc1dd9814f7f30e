using System.Net;
using System.Text.Json;
using ChainLink.Application.Common;
using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// Graduate outcomes through the real pipeline. Each test reports for a graduation year of its own, long before the
/// demo data's years, so its cells hold exactly what it wrote.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraduateOutcomeTests(ChainLinkApiFactory api)
{
    private const string MemberPassword = "Str0ng#Pass";

    private async Task<Guid> OrganisationOfAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK)).GetProperty("organisationId").GetGuid();

    private Task<List<(Guid Id, string Region)>> ProgrammesOfAsync(Guid college) =>
        api.QueryAsync(async db => (await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == college).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.CampusRegionCode }).ToListAsync()).Select(p => (p.Id, p.CampusRegionCode)).ToList());

    private static object Outcome(Guid programmeId, int year, int graduates = 100, int employed = 90, int inMajor = 60, int? retained = 50, int? pay = 4800) =>
        new { programmeId, graduationYear = year, graduates, employedAtSixMonths = employed, employedInMajor = inMajor, retainedAfterYear = retained, medianStartingPay = pay };

    private static JsonElement CellOf(JsonElement cells, string key) =>
        cells.EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    private static string Prefecture(string region) => region[..4] + "00";

    [Fact]
    public async Task A_college_reports_once_per_programme_and_year_and_a_second_report_is_a_conflict()
    {
        var college = await api.ClientForAsync(College);
        var programme = (await ProgrammesOfAsync(await OrganisationOfAsync(college)))[0].Id;

        var created = await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2001))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0.9, created.GetProperty("employmentRate").GetDouble());
        Assert.Equal(0.6667, created.GetProperty("relevanceRate").GetDouble());
        Assert.Equal(0.5556, created.GetProperty("retentionRate").GetDouble());

        var twin = await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2001, graduates: 95))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已经填报", twin.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await api.QueryAsync(db => db.GraduateOutcomes.CountAsync(g => g.ProgrammeId == programme && g.GraduationYear == 2001)));
    }

    [Fact]
    public async Task Counts_beyond_the_graduates_or_the_employed_are_refused_naming_the_field()
    {
        var college = await api.ClientForAsync(College);
        var programme = (await ProgrammesOfAsync(await OrganisationOfAsync(college)))[0].Id;

        var tooMany = await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2002, graduates: 50, employed: 51)))
            .AssertFieldErrorAsync("employedAtSixMonths");
        Assert.Contains("不能多于毕业生人数", tooMany.GetProperty("errors").GetProperty("employedAtSixMonths")[0].GetString(), StringComparison.Ordinal);
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2002, employed: 40, inMajor: 41))).AssertFieldErrorAsync("employedInMajor");
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2002, employed: 40, inMajor: 30, retained: 41))).AssertFieldErrorAsync("retainedAfterYear");
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2002, pay: 10))).AssertFieldErrorAsync("medianStartingPay");
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, DateTime.UtcNow.Year + 1))).AssertFieldErrorAsync("graduationYear");
        Assert.False(await api.QueryAsync(db => db.GraduateOutcomes.AnyAsync(g => g.ProgrammeId == programme && g.GraduationYear == 2002)));
    }

    [Fact]
    public async Task An_edit_moves_the_version_on_and_a_stale_version_is_a_conflict()
    {
        var college = await api.ClientForAsync(College);
        var programme = (await ProgrammesOfAsync(await OrganisationOfAsync(college)))[1].Id;
        var created = await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2003))).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var edit = new { version = 1, graduates = 100, employedAtSixMonths = 95, employedInMajor = 70, retainedAfterYear = 60, medianStartingPay = 5000 };

        var edited = await (await college.PutJsonAsync($"/api/graduate-outcomes/{id}", edit)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal(95, edited.GetProperty("employedAtSixMonths").GetInt32());

        var stale = await (await college.PutJsonAsync($"/api/graduate-outcomes/{id}", edit with { employedAtSixMonths = 10 } )).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("版本", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(95, await api.QueryAsync(db => db.GraduateOutcomes.Where(g => g.Id == id).Select(g => g.EmployedAtSixMonths).SingleAsync()));

        var other = await api.ClientForAsync(College2);
        await (await other.PutJsonAsync($"/api/graduate-outcomes/{id}", edit with { version = 2 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_college_reads_only_its_own_rows_government_reads_all_and_an_enterprise_none()
    {
        var college = await api.ClientForAsync(College);
        var own = await OrganisationOfAsync(college);
        var other = await api.ClientForAsync(College2);
        var otherId = await OrganisationOfAsync(other);
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome((await ProgrammesOfAsync(own))[2].Id, 2004))).JsonAsync(HttpStatusCode.Created);
        await (await other.PostJsonAsync("/api/graduate-outcomes", Outcome((await ProgrammesOfAsync(otherId))[0].Id, 2004))).JsonAsync(HttpStatusCode.Created);

        var mine = await (await college.GetAsync("/api/graduate-outcomes?year=2004")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([own], mine.EnumerateArray().Select(r => r.GetProperty("collegeId").GetGuid()).Distinct());
        await (await college.GetAsync($"/api/graduate-outcomes?year=2004&college={otherId}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var government = await api.ClientForAsync(Government);
        var all = await (await government.GetAsync("/api/graduate-outcomes?year=2004")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { own, otherId }.Order(), all.EnumerateArray().Select(r => r.GetProperty("collegeId").GetGuid()).Distinct().Order());

        var enterprise = await api.ClientForAsync(Enterprise);
        await (await enterprise.GetAsync("/api/graduate-outcomes?year=2004")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_small_cell_is_withheld_outside_the_reporting_college_and_shown_to_it_and_to_government()
    {
        var college = await api.ClientForAsync(College);
        var (programme, region) = (await ProgrammesOfAsync(await OrganisationOfAsync(college)))[0];
        await (await college.PostJsonAsync("/api/graduate-outcomes", Outcome(programme, 2005))).JsonAsync(HttpStatusCode.Created);
        var url = "/api/graduate-outcomes/aggregates?year=2005&by=region";

        foreach (var outsider in new[] { Enterprise, College2 })
        {
            var cell = CellOf(await (await (await api.ClientForAsync(outsider)).GetAsync(url)).JsonAsync(HttpStatusCode.OK), Prefecture(region));
            Assert.True(cell.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("graduates").ValueKind);
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("employmentRate").ValueKind);
            Assert.Contains("少于 3 所院校", cell.GetProperty("suppressionReason").GetString(), StringComparison.Ordinal);
        }
        foreach (var reader in new[] { College, Government })
        {
            var cell = CellOf(await (await (await api.ClientForAsync(reader)).GetAsync(url)).JsonAsync(HttpStatusCode.OK), Prefecture(region));
            Assert.False(cell.GetProperty("suppressed").GetBoolean());
            Assert.Equal(100, cell.GetProperty("graduates").GetInt32());
            Assert.Equal(0.9, cell.GetProperty("employmentRate").GetDouble());
        }
    }

    [Fact]
    public async Task A_major_class_of_three_colleges_none_dominating_is_shown_to_everyone_and_one_dominated_by_two_is_withheld()
    {
        // Three colleges with programmes in one major class (专业大类), each reporting through a new member account.
        var rows = await api.QueryAsync(db => db.Programmes.AsNoTracking().Select(p => new { p.Id, p.OrganisationId, p.MajorCode }).ToListAsync());
        var area = rows.GroupBy(p => p.MajorCode[..2]).First(g => g.Select(p => p.OrganisationId).Distinct().Count() >= 3);
        var colleges = area.GroupBy(p => p.OrganisationId).Take(3).Select(g => (College: g.Key, Programme: g.First().Id)).ToList();
        var clients = new List<HttpClient>();
        foreach (var (collegeId, _) in colleges) clients.Add(await MemberOfAsync(collegeId));

        for (var i = 0; i < 3; i++)
            await (await clients[i].PostJsonAsync("/api/graduate-outcomes", Outcome(colleges[i].Programme, 2006))).JsonAsync(HttpStatusCode.Created);
        // 2007: two colleges hold 1000 of 1010 graduates, above the 85% the rule allows.
        await (await clients[0].PostJsonAsync("/api/graduate-outcomes", Outcome(colleges[0].Programme, 2007, graduates: 500, employed: 400, inMajor: 300))).JsonAsync(HttpStatusCode.Created);
        await (await clients[1].PostJsonAsync("/api/graduate-outcomes", Outcome(colleges[1].Programme, 2007, graduates: 500, employed: 400, inMajor: 300))).JsonAsync(HttpStatusCode.Created);
        await (await clients[2].PostJsonAsync("/api/graduate-outcomes", Outcome(colleges[2].Programme, 2007, graduates: 10, employed: 9, inMajor: 5, retained: 4))).JsonAsync(HttpStatusCode.Created);

        var enterprise = await api.ClientForAsync(Enterprise);
        var shown = CellOf(await (await enterprise.GetAsync("/api/graduate-outcomes/aggregates?year=2006&by=majorClass")).JsonAsync(HttpStatusCode.OK), area.Key);
        Assert.False(shown.GetProperty("suppressed").GetBoolean());
        Assert.Equal(3, shown.GetProperty("colleges").GetInt32());
        Assert.Equal(300, shown.GetProperty("graduates").GetInt32());
        Assert.Equal(4800, shown.GetProperty("medianStartingPay").GetDouble());

        var dominated = CellOf(await (await enterprise.GetAsync("/api/graduate-outcomes/aggregates?year=2007&by=majorClass")).JsonAsync(HttpStatusCode.OK), area.Key);
        Assert.True(dominated.GetProperty("suppressed").GetBoolean());
        Assert.Contains("最大的 2 所院校", dominated.GetProperty("suppressionReason").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> MemberOfAsync(Guid organisationId)
    {
        var email = $"member-{Guid.NewGuid():N}@example.cn";
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, OrganisationId = organisationId, DisplayName = email };
            Assert.True((await users.CreateAsync(user, MemberPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.College)).Succeeded);
        }
        return await api.ClientForAsync(email, MemberPassword);
    }
}
