using System.Net;
using System.Text.Json;
using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Outbox;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OrganisationApprovalTests(ChainLinkApiFactory api)
{
    private const string NewPassword = "Str0ng#Pass";

    private sealed record Registered(Guid OrganisationId, HttpClient Client);

    private async Task<Registered> RegisterAsync(string name, string kind = "Enterprise", string region = "150600")
    {
        using var anonymous = api.CreateClient();
        var email = $"hr-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register",
            new { email, password = NewPassword, organisationName = name, kind, regionCode = region })).JsonAsync(HttpStatusCode.Accepted);
        var client = await api.ClientForAsync(email, NewPassword);
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", me.GetProperty("organisationStatus").GetString());
        return new Registered(me.GetProperty("organisationId").GetGuid(), client);
    }

    private static string UniqueName(string stem) => $"{stem}{Guid.NewGuid().ToString("N")[..8]}有限公司";

    /// <summary>The search index has applied every change of the entity (the outbox dispatcher runs in the background).</summary>
    private async Task WaitUntilIndexedAsync(Guid id)
    {
        for (var waited = 0; waited < 30_000; waited += 200)
        {
            if (!await api.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.EntityId == id && m.ProcessedAt == null))) return;
            await Task.Delay(200);
        }
        Assert.Fail($"The search index did not catch up with {id}.");
    }

    private Task<int> BarometerDemandsThisQuarterAsync() => api.QueryAsync(async db =>
        (await BarometerSource.LoadAsync(db, new DemandFactReader(db), Quarter.Of(DateTimeOffset.UtcNow), default)).Demands.Count);

    private static async Task<List<Guid>> IdsAsync(HttpResponseMessage response, string property = "id")
    {
        var body = await response.JsonAsync(HttpStatusCode.OK);
        var items = body.TryGetProperty("items", out var page) ? page : body.GetProperty("features");
        return items.EnumerateArray().Select(i => i.GetProperty(property).GetGuid()).ToList();
    }

    [Fact]
    public async Task A_pending_enterprise_prepares_data_that_appears_nowhere_public_until_an_administrator_approves_it()
    {
        var college = await api.ClientForAsync(College);
        var government = await api.ClientForAsync(Government);
        var admin = await api.ClientForAsync(Admin);
        var pending = await RegisterAsync(UniqueName("鄂尔多斯待审煤化工"));

        var me = await (await pending.Client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", me.GetProperty("organisationStatus").GetString());
        Assert.Contains("等待审核", me.GetProperty("organisationStatusNote").GetString());

        // A skill no other demand asks for, taught by a new programme: once visible, this demand is that programme's best match.
        var skill = await api.QueryAsync(db => db.Skills.OrderBy(s => s.Code)
            .Where(s => !db.Demands.Any(d => d.Skills.Any(x => x.SkillCode == s.Code))).Select(s => s.Code).FirstAsync());
        var demandBody = DemandTests.ValidDemand("待审企业招聘运维员");
        demandBody["skills"] = new object[] { new { skillCode = skill, essential = true, level = 2 } };
        demandBody["open"] = true;
        var factsBefore = await BarometerDemandsThisQuarterAsync();
        var demand = (await (await pending.Client.PostJsonAsync("/api/demands", demandBody)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var programmeBody = ProgrammeTests.ValidProgramme();
        programmeBody["modules"] = new object[] { new { name = "专项实训", hours = 64, learningOutcomes = "能够完成专项作业", skills = new object[] { new { skillCode = skill, level = 2 } } } };
        var programme = (await (await college.PostJsonAsync("/api/programmes", programmeBody)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var trainingBase = (await (await pending.Client.PostJsonAsync("/api/resources/training-bases", new
        {
            name = "待审企业实训基地", longitude = 109.78, latitude = 39.61, regionCode = "150600", clusterCodes = new[] { "NE-WIND" }, capacityHoursPerYear = 4000,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await WaitUntilIndexedAsync(demand);

        async Task<List<Guid>> MatchedDemandsAsync() =>
            (await (await college.GetAsync($"/api/programmes/{programme}/matches?top=100")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("demandId").GetGuid()).ToList();

        // The owner sees its own records.
        Assert.Contains(demand, await IdsAsync(await pending.Client.GetAsync("/api/demands?mine=true")));
        Assert.Contains(trainingBase, await IdsAsync(await pending.Client.GetAsync("/api/map/features?layer=trainingBases")));
        // Nobody else does: not in matches, lists, lookups, the map or the barometer's sources.
        Assert.DoesNotContain(demand, await MatchedDemandsAsync());
        Assert.DoesNotContain(demand, await IdsAsync(await college.GetAsync($"/api/demands?organisation={pending.OrganisationId}")));
        await (await college.GetAsync($"/api/demands/{demand}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await college.GetAsync($"/api/demands/{demand}/matches")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(trainingBase, await IdsAsync(await government.GetAsync("/api/map/features?layer=trainingBases")));
        Assert.DoesNotContain(trainingBase, await IdsAsync(await college.GetAsync("/api/resources/training-bases?pageSize=100&organisation=" + pending.OrganisationId)));
        Assert.Equal(factsBefore, await BarometerDemandsThisQuarterAsync());

        var approved = await (await admin.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var logged = await (await admin.GetAsync("/api/admin/security-events?kind=OrganisationApproved&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(logged.GetProperty("items").EnumerateArray(), e => e.GetProperty("organisationId").GetGuid() == pending.OrganisationId);

        Assert.Contains(demand, await MatchedDemandsAsync());
        Assert.Contains(demand, await IdsAsync(await college.GetAsync($"/api/demands?organisation={pending.OrganisationId}")));
        await (await college.GetAsync($"/api/demands/{demand}")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(trainingBase, await IdsAsync(await government.GetAsync("/api/map/features?layer=trainingBases")));
        Assert.Contains(trainingBase, await IdsAsync(await college.GetAsync("/api/resources/training-bases?pageSize=100&organisation=" + pending.OrganisationId)));
        Assert.Equal(factsBefore + 1, await BarometerDemandsThisQuarterAsync());
        me = await (await pending.Client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", me.GetProperty("organisationStatus").GetString());
    }

    [Fact]
    public async Task A_pending_colleges_programme_is_not_offered_to_enterprises_until_approved()
    {
        var enterprise = await api.ClientForAsync(Enterprise);
        var admin = await api.ClientForAsync(Admin);
        var pending = await RegisterAsync(UniqueName("包头待审职业技术学院"), "College", "150200");
        var skill = await api.QueryAsync(db => db.Skills.OrderByDescending(s => s.Code)
            .Where(s => !db.Programmes.Any(p => p.Modules.Any(m => m.Skills.Any(x => x.SkillCode == s.Code)))).Select(s => s.Code).FirstAsync());
        var programmeBody = ProgrammeTests.ValidProgramme();
        programmeBody["modules"] = new object[] { new { name = "专项实训", hours = 64, learningOutcomes = "能够完成专项作业", skills = new object[] { new { skillCode = skill, level = 2 } } } };
        var programme = (await (await pending.Client.PostJsonAsync("/api/programmes", programmeBody)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await WaitUntilIndexedAsync(programme);

        async Task<List<Guid>> MatchedProgrammesAsync() =>
            (await (await enterprise.PostJsonAsync("/api/match", new { skills = new[] { skill }, top = 100 })).JsonAsync(HttpStatusCode.OK))
                .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("programmeId").GetGuid()).ToList();

        Assert.DoesNotContain(programme, await MatchedProgrammesAsync());
        Assert.DoesNotContain(programme, await IdsAsync(await enterprise.GetAsync($"/api/programmes?organisation={pending.OrganisationId}")));
        Assert.DoesNotContain(pending.OrganisationId, await IdsAsync(await enterprise.GetAsync("/api/map/features?layer=colleges")));
        await (await admin.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(programme, await MatchedProgrammesAsync());
        Assert.Contains(pending.OrganisationId, await IdsAsync(await enterprise.GetAsync("/api/map/features?layer=colleges")));
    }

    [Fact]
    public async Task Government_reviews_only_its_own_region_and_approving_twice_is_a_conflict_naming_the_state()
    {
        var pending = await RegisterAsync(UniqueName("赤峰待审新材料"), region: "150400");
        var government = await api.ClientForAsync(Government);

        var listed = await (await government.GetAsync("/api/organisations/pending?pageSize=100")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(pending.OrganisationId, listed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));

        var elsewhere = await GovernmentOfAsync("110000");
        var outside = await (await elsewhere.GetAsync("/api/organisations/pending?pageSize=100")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(pending.OrganisationId, outside.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        var forbidden = await (await elsewhere.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("地区", forbidden.GetProperty("detail").GetString());
        Assert.Equal(OrganisationStatus.Pending, await StatusAsync(pending.OrganisationId));

        await (await pending.Client.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await government.PostAsync($"/api/organisations/{Guid.NewGuid()}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await government.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).JsonAsync(HttpStatusCode.OK);
        var twice = await (await government.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已批准", twice.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Of_two_reviewers_deciding_at_once_the_second_save_fails_instead_of_overwriting_the_first()
    {
        var pending = await RegisterAsync(UniqueName("巴彦淖尔待审农牧"), region: "150800");
        using var first = api.Services.CreateScope();
        using var second = api.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var approving = await db1.Organisations.SingleAsync(o => o.Id == pending.OrganisationId);
        var rejecting = await db2.Organisations.SingleAsync(o => o.Id == pending.OrganisationId);

        approving.Approve(Guid.NewGuid(), TimeProvider.System);
        await db1.SaveChangesAsync();
        rejecting.Reject("材料不全", Guid.NewGuid(), TimeProvider.System);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal(OrganisationStatus.Approved, await StatusAsync(pending.OrganisationId));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_rejected_users_read()
    {
        var pending = await RegisterAsync(UniqueName("通辽待审物流"), region: "150500");
        var admin = await api.ClientForAsync(Admin);

        await (await admin.PostJsonAsync($"/api/organisations/{pending.OrganisationId}/reject", new { reason = " " })).AssertFieldErrorAsync("reason");
        var rejected = await (await admin.PostJsonAsync($"/api/organisations/{pending.OrganisationId}/reject", new { reason = "营业执照与名称不符" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());

        var me = await (await pending.Client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rejected", me.GetProperty("organisationStatus").GetString());
        Assert.Contains("营业执照与名称不符", me.GetProperty("organisationStatusNote").GetString());
        var conflict = await (await admin.PostAsync($"/api/organisations/{pending.OrganisationId}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已驳回", conflict.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("包头稀土（集团）{0}有限公司", "包头稀土(集团){0}有限公司")]
    [InlineData("包头稀土【集团】{0}有限公司", "包头稀土(集团){0}有限公司")]
    [InlineData("ＢＴ稀土{0}有限公司", "bt 稀土{0}有限公司")]
    [InlineData("包头稀土{0}有限公司", "包头 稀土\u3000{0}有限公司")]
    public async Task A_name_that_differs_only_by_brackets_width_or_spaces_is_already_registered(string first, string second)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await RegisterAsync(string.Format(first, tag));
        using var anonymous = api.CreateClient();
        var problem = await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email = $"hr-{Guid.NewGuid():N}@example.cn", password = NewPassword, organisationName = string.Format(second, tag), kind = "Enterprise", regionCode = "150200",
        })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("名称已被注册", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_name_of_nothing_but_spaces_and_invisible_characters_is_400()
    {
        using var anonymous = api.CreateClient();
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email = $"hr-{Guid.NewGuid():N}@example.cn", password = NewPassword, organisationName = "\u200B\u3000\u200D", kind = "Enterprise", regionCode = "150200",
        })).AssertFieldErrorAsync("organisationName");
    }

    [Fact]
    public async Task Demo_organisations_are_approved()
    {
        Assert.Equal(0, await api.QueryAsync(db => db.Organisations.CountAsync(o => o.Status != OrganisationStatus.Approved && o.Name.EndsWith("（演示）"))));
        var me = await (await (await api.ClientForAsync(Enterprise)).GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", me.GetProperty("organisationStatus").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("organisationStatusNote").ValueKind);
    }

    [Fact]
    public async Task Name_keys_missing_from_rows_stored_before_them_are_filled_at_start_and_a_clash_is_left_empty()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await RegisterAsync($"乌海化工（{tag}）有限公司");
        var second = await RegisterAsync($"乌海化工{tag}有限公司");
        // As stored before names were compared normalised: no key, and a name that is the first's apart from its brackets.
        await api.QueryAsync(db => db.Organisations.Where(o => o.Id == first.OrganisationId || o.Id == second.OrganisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NameKey, (string?)null)));
        await api.QueryAsync(db => db.Organisations.Where(o => o.Id == second.OrganisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, $"乌海化工({tag})有限公司")));

        Assert.Equal(1, await api.QueryAsync(db => OrganisationNameKeyBackfill.RunAsync(db, NullLogger.Instance, default)));

        var keys = await api.QueryAsync(db => db.Organisations.Where(o => o.Id == first.OrganisationId || o.Id == second.OrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.NameKey));
        Assert.Equal($"乌海化工({tag})有限公司", keys[first.OrganisationId]);
        Assert.Null(keys[second.OrganisationId]);
        Assert.Equal(0, await api.QueryAsync(db => OrganisationNameKeyBackfill.RunAsync(db, NullLogger.Instance, default)));
    }

    private Task<OrganisationStatus> StatusAsync(Guid id) =>
        api.QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    /// <summary>A government user of another region, made as an administrator would.</summary>
    private async Task<HttpClient> GovernmentOfAsync(string region)
    {
        var email = $"gov-{Guid.NewGuid():N}@example.cn";
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organisation = new Organisation(Guid.CreateVersion7(), UniqueName("北京市测试政府"), OrganisationKind.Government, region, [], null, null);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, OrganisationId = organisation.Id, DisplayName = organisation.Name };
            Assert.True((await users.CreateAsync(user, NewPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Government)).Succeeded);
        }
        return await api.ClientForAsync(email, NewPassword);
    }
}
