using System.Net;
using System.Text.Json;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using ChainLink.Domain.Demands;
using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CooperationTests(ChainLinkApiFactory api)
{
    private const string MemberPassword = "Str0ng#Pass";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Side(Guid OrganisationId, HttpClient Client);

    /// <summary>A new user of an existing (approved) organisation, to act for the college a match found.</summary>
    private async Task<Side> MemberOfAsync(Guid organisationId, string role)
    {
        var email = $"member-{Guid.NewGuid():N}@example.cn";
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, OrganisationId = organisationId, DisplayName = email };
            Assert.True((await users.CreateAsync(user, MemberPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return new Side(organisationId, await api.ClientForAsync(email, MemberPassword));
    }

    private async Task<Side> DemoAsync(string email)
    {
        var client = await api.ClientForAsync(email);
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        return new Side(me.GetProperty("organisationId").GetGuid(), client);
    }

    private static object Terms(Guid to, Guid? demandId = null, Guid? programmeId = null, DateOnly? start = null, DateOnly? end = null,
        DateTime? validUntil = null, string? entityKind = "IndustryCollege") => new
    {
        toOrganisationId = to, demandId, programmeId, modes = new[] { "OrderClass", "Internship" }, message = "拟共建订单班，每年接收实习生。",
        validUntil = validUntil ?? DateTime.UtcNow.AddDays(14), startDate = start ?? Today.AddDays(30), endDate = end ?? Today.AddYears(3), entityKind,
    };

    /// <summary>Enterprise proposes to college, college accepts: the agreement's id.</summary>
    private async Task<(JsonElement Proposal, Guid AgreementId)> AgreementAsync(Side enterprise, Side college)
    {
        var proposal = await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId))).JsonAsync(HttpStatusCode.Created);
        var accepted = await (await college.Client.PostJsonAsync($"/api/proposals/{Id(proposal)}/accept", new { version = Version(proposal) }))
            .JsonAsync(HttpStatusCode.OK);
        return (accepted, accepted.GetProperty("agreementId").GetGuid());
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();
    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static object Investment(long actualFunds = 500_000, int year = 2026) =>
        new { year, plannedFunds = 600_000, actualFunds, equipmentValue = 1_200_000, staffHours = 800 };

    private Task<List<AuditEntry>> AuditOfAsync(Guid recordId) =>
        api.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == recordId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_match_becomes_a_proposal_an_agreement_and_confirmed_investment_and_outcome()
    {
        var enterprise = await DemoAsync(Enterprise);
        var demand = await api.QueryAsync(db => db.Demands.Where(d => d.OrganisationId == enterprise.OrganisationId && d.Status == DemandStatus.Open)
            .OrderBy(d => d.Id).FirstAsync());
        var matches = await (await enterprise.Client.GetAsync($"/api/demands/{demand.Id}/matches?top=1")).JsonAsync(HttpStatusCode.OK);
        var best = matches.GetProperty("results")[0];
        var college = await MemberOfAsync(best.GetProperty("collegeId").GetGuid(), Roles.College);
        var programmeId = best.GetProperty("programmeId").GetGuid();
        var unreadBefore = (await (await college.Client.GetAsync("/api/inbox/unread-count")).JsonAsync(HttpStatusCode.OK)).GetProperty("unread").GetInt32();

        var proposal = await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId, demand.Id, programmeId)))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Pending", proposal.GetProperty("status").GetString());

        // The college finds it in its inbox and its received box, without the enterprise's contact details yet.
        var unread = await (await college.Client.GetAsync("/api/inbox/unread-count")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(unreadBefore + 1, unread.GetProperty("unread").GetInt32());
        var received = await (await college.Client.GetAsync("/api/proposals?box=received&status=Pending")).JsonAsync(HttpStatusCode.OK);
        var seen = received.GetProperty("items").EnumerateArray().Single(p => Id(p) == Id(proposal));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("from").GetProperty("contactEmail").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("to").GetProperty("contactPhone").ValueKind);

        var accepted = await (await college.Client.PostJsonAsync($"/api/proposals/{Id(proposal)}/accept", new { version = Version(proposal) }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var agreementId = accepted.GetProperty("agreementId").GetGuid();
        // Accepted: each side now reads the other's contact details.
        var asEnterprise = await (await enterprise.Client.GetAsync($"/api/proposals/{Id(proposal)}")).JsonAsync(HttpStatusCode.OK);
        Assert.EndsWith("@college.demo.chainlink.cn", asEnterprise.GetProperty("to").GetProperty("contactEmail").GetString());
        Assert.EndsWith("@enterprise.demo.chainlink.cn", accepted.GetProperty("from").GetProperty("contactEmail").GetString());

        var investment = await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/investments", Investment()))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(enterprise.OrganisationId, investment.GetProperty("partyOrganisationId").GetGuid());
        await (await college.Client.PostJsonAsync($"/api/investments/{Id(investment)}/confirm", new { version = Version(investment) })).JsonAsync(HttpStatusCode.OK);

        var outcome = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/outcomes",
            new { kind = "GraduatesHired", year = 2026, quantity = 12, programmeId })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Reported", outcome.GetProperty("status").GetString());
        var confirmed = await (await enterprise.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = Version(outcome) }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());

        var agreement = await (await college.Client.GetAsync($"/api/agreements/{agreementId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Active", agreement.GetProperty("status").GetString());
        Assert.True(agreement.GetProperty("runsAsEntity").GetBoolean());
        Assert.Equal(demand.Id, agreement.GetProperty("demandId").GetGuid());
        Assert.Equal("Confirmed", agreement.GetProperty("investments")[0].GetProperty("status").GetString());
        Assert.Equal(12, agreement.GetProperty("outcomes")[0].GetProperty("quantity").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, agreement.GetProperty("firstParty").GetProperty("contactEmail").ValueKind);

        // Government reads the agreement and its confirmed figures, but no contact details.
        var government = await api.ClientForAsync(Government);
        var official = await (await government.GetAsync($"/api/agreements/{agreementId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(official.GetProperty("investments").EnumerateArray());
        Assert.Single(official.GetProperty("outcomes").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, official.GetProperty("firstParty").GetProperty("contactEmail").ValueKind);
        Assert.Equal(JsonValueKind.Null, official.GetProperty("secondParty").GetProperty("contactPhone").ValueKind);
        Assert.DoesNotContain("demo.chainlink.cn", official.GetRawText(), StringComparison.Ordinal);
        var listed = await (await government.GetAsync("/api/agreements?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.True(listed.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_party_cannot_confirm_its_own_report_and_nothing_changes()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var (_, agreementId) = await AgreementAsync(enterprise, college);
        var investment = await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/investments", Investment()))
            .JsonAsync(HttpStatusCode.Created);

        var problem = await (await enterprise.Client.PostJsonAsync($"/api/investments/{Id(investment)}/confirm", new { version = Version(investment) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("另一方", problem.GetProperty("detail").GetString());
        var outcome = await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/outcomes",
            new { kind = "InternsHosted", year = 2026, quantity = 8 })).JsonAsync(HttpStatusCode.Created);
        await (await enterprise.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = Version(outcome) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(ReportStatus.Reported, await api.QueryAsync(db => db.Investments.Where(i => i.Id == Id(investment)).Select(i => i.Status).SingleAsync()));
        Assert.Equal(ReportStatus.Reported, await api.QueryAsync(db => db.Outcomes.Where(o => o.Id == Id(outcome)).Select(o => o.Status).SingleAsync()));
        Assert.Single(await AuditOfAsync(Id(investment)));
    }

    [Fact]
    public async Task Another_organisation_neither_sees_nor_changes_a_cooperation()
    {
        var (enterprise, college, outsider) = (await DemoAsync(Enterprise), await DemoAsync(College), await DemoAsync(Enterprise2));
        var (proposal, agreementId) = await AgreementAsync(enterprise, college);
        var outcome = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/outcomes",
            new { kind = "TrainingHours", year = 2026, quantity = 320 })).JsonAsync(HttpStatusCode.Created);
        var auditBefore = await api.QueryAsync(db => db.AuditEntries.CountAsync(e => e.AgreementId == agreementId));

        await (await outsider.Client.GetAsync($"/api/agreements/{agreementId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.GetAsync($"/api/proposals/{Id(proposal)}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.GetAsync($"/api/agreements/{agreementId}/audit")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.PostJsonAsync($"/api/agreements/{agreementId}/suspend", new { version = 1, reason = "冒充" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.PostJsonAsync($"/api/agreements/{agreementId}/investments", Investment())).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await outsider.Client.GetAsync("/api/agreements?pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => Id(a) == agreementId);
        // Government reads but does not act for a party.
        var government = await api.ClientForAsync(Government);
        await (await government.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(auditBefore, await api.QueryAsync(db => db.AuditEntries.CountAsync(e => e.AgreementId == agreementId)));
        var stored = await api.QueryAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId));
        Assert.Equal((AgreementStatus.Active, 1), (stored.Status, stored.Version));
        Assert.Equal(ReportStatus.Reported, await api.QueryAsync(db => db.Outcomes.Where(o => o.Id == Id(outcome)).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Transitions_that_are_not_allowed_are_409_naming_the_current_state()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var (proposal, agreementId) = await AgreementAsync(enterprise, college);

        var again = await (await college.Client.PostJsonAsync($"/api/proposals/{Id(proposal)}/decline", new { version = Version(proposal), reason = "改变主意" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已接受", again.GetProperty("detail").GetString());
        var resume = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/resume", new { version = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("执行中", resume.GetProperty("detail").GetString());

        var ended = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/end", new { version = 1, reason = "项目提前完成" }))
            .JsonAsync(HttpStatusCode.OK);
        var suspend = await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/suspend", new { version = Version(ended), reason = "资金未到位" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已终止", suspend.GetProperty("detail").GetString());

        var outcome = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/outcomes",
            new { kind = "CoursesBuilt", year = 2026, quantity = 2 })).JsonAsync(HttpStatusCode.Created);
        var confirmed = await (await enterprise.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = 1 })).JsonAsync(HttpStatusCode.OK);
        var twice = await (await enterprise.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/dispute", new { version = Version(confirmed), reason = "数量不对" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已确认", twice.GetProperty("detail").GetString());
        var correct = await (await college.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/correct",
            new { version = Version(confirmed), kind = "CoursesBuilt", year = 2026, quantity = 3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已确认", correct.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_409_and_changes_nothing()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var (_, agreementId) = await AgreementAsync(enterprise, college);
        await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/suspend", new { version = 1, reason = "设备检修" })).JsonAsync(HttpStatusCode.OK);

        var stale = await (await college.Client.PostJsonAsync($"/api/agreements/{agreementId}/end", new { version = 1, reason = "不再合作" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("版本", stale.GetProperty("detail").GetString());
        var stored = await api.QueryAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId));
        Assert.Equal((AgreementStatus.Suspended, 2, "设备检修"), (stored.Status, stored.Version, stored.StatusReason));
    }

    [Fact]
    public async Task An_expired_proposal_reads_expired_and_cannot_be_accepted()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var id = Guid.CreateVersion7();
        var sentAt = DateTime.UtcNow.AddDays(-20);
        await api.QueryAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.OrganisationId == enterprise.OrganisationId).Select(u => u.Id).FirstAsync();
            db.Proposals.Add(Proposal.Create(id, enterprise.OrganisationId, college.OrganisationId, new ProposalTerms(null, null, null,
                CooperationMode.Mentoring, "请产业导师授课。", sentAt.AddDays(10), Today.AddDays(10), Today.AddYears(1), null), userId, sentAt));
            return await db.SaveChangesAsync();
        });

        var read = await (await college.Client.GetAsync($"/api/proposals/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Expired", read.GetProperty("status").GetString());
        var expired = await (await college.Client.GetAsync("/api/proposals?box=received&status=Expired&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(expired.GetProperty("items").EnumerateArray(), p => Id(p) == id);
        var problem = await (await college.Client.PostJsonAsync($"/api/proposals/{id}/accept", new { version = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已过期", problem.GetProperty("detail").GetString());
        await (await enterprise.Client.PostJsonAsync($"/api/proposals/{id}/withdraw", new { version = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await api.QueryAsync(db => db.Agreements.AnyAsync(a => a.ProposalId == id)));
    }

    [Fact]
    public async Task Bad_amounts_and_dates_are_400_naming_the_field()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId, start: Today.AddDays(60), end: Today.AddDays(30))))
            .AssertFieldErrorAsync("endDate");
        await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId, validUntil: DateTime.UtcNow.AddDays(-1))))
            .AssertFieldErrorAsync("validUntil");
        await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId, start: new DateOnly(1990, 1, 1))))
            .AssertFieldErrorAsync("startDate");

        var (_, agreementId) = await AgreementAsync(enterprise, college);
        var url = $"/api/agreements/{agreementId}";
        await (await enterprise.Client.PostJsonAsync($"{url}/investments", Investment(actualFunds: -1))).AssertFieldErrorAsync("actualFunds");
        await (await enterprise.Client.PostJsonAsync($"{url}/investments", Investment(actualFunds: CooperationLimits.MaxYuan + 1))).AssertFieldErrorAsync("actualFunds");
        await (await enterprise.Client.PostJsonAsync($"{url}/investments", Investment(year: 1999))).AssertFieldErrorAsync("year");
        await (await enterprise.Client.PostJsonAsync($"{url}/outcomes", new { kind = "TechnologyTransferred", year = 2026, quantity = 1 }))
            .AssertFieldErrorAsync("contractValue");
        await (await enterprise.Client.PostJsonAsync($"{url}/outcomes", new { kind = "PatentsShared", year = 2026, quantity = 2, patentNumbers = new[] { "ZL202610000001.1" } }))
            .AssertFieldErrorAsync("patentNumbers");
        await (await enterprise.Client.PostJsonAsync($"{url}/outcomes", new { kind = "MentorHours", year = 2026, quantity = 0 }))
            .AssertFieldErrorAsync("quantity");
        await (await college.Client.PostJsonAsync($"/api/proposals/{Guid.NewGuid()}/decline", new { version = 1 })).AssertFieldErrorAsync("reason");
        Assert.False(await api.QueryAsync(db => db.Investments.AnyAsync(i => i.AgreementId == agreementId)));
        Assert.False(await api.QueryAsync(db => db.Outcomes.AnyAsync(o => o.AgreementId == agreementId)));
    }

    [Fact]
    public async Task A_disputed_outcome_is_corrected_and_confirmed_with_the_audit_trail_showing_before_and_after()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var (_, agreementId) = await AgreementAsync(enterprise, college);
        var outcome = await (await enterprise.Client.PostJsonAsync($"/api/agreements/{agreementId}/outcomes",
            new { kind = "TechnologyTransferred", year = 2026, quantity = 1, contractValue = 3_000_000 })).JsonAsync(HttpStatusCode.Created);

        var government = await api.ClientForAsync(Government);
        var hidden = await (await government.GetAsync($"/api/agreements/{agreementId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(hidden.GetProperty("outcomes").EnumerateArray());

        var disputed = await (await college.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/dispute", new { version = 1, reason = "合同金额应为 250 万元" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Disputed", "合同金额应为 250 万元"), (disputed.GetProperty("status").GetString(), disputed.GetProperty("disputeReason").GetString()));
        var corrected = await (await enterprise.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/correct",
            new { version = Version(disputed), kind = "TechnologyTransferred", year = 2026, quantity = 1, contractValue = 2_500_000 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Reported", corrected.GetProperty("status").GetString());
        var confirmed = await (await college.Client.PostJsonAsync($"/api/outcomes/{Id(outcome)}/confirm", new { version = Version(corrected) }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Confirmed", 1), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("disputeCount").GetInt32()));

        var trail = await (await government.GetAsync($"/api/agreements/{agreementId}/audit")).JsonAsync(HttpStatusCode.OK);
        var steps = trail.EnumerateArray().Where(e => e.GetProperty("recordId").GetGuid() == Id(outcome)).ToList();
        Assert.Equal(["Created", "Updated", "Updated", "Updated"], steps.Select(s => s.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("before").ValueKind);
        var correction = steps[2];
        Assert.Equal(3_000_000, correction.GetProperty("before").GetProperty("contractValue").GetInt64());
        Assert.Equal("Disputed", correction.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal(2_500_000, correction.GetProperty("after").GetProperty("contractValue").GetInt64());
        Assert.Equal("Reported", correction.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(enterprise.OrganisationId, correction.GetProperty("organisationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, correction.GetProperty("userId").ValueKind);
        var asParty = await (await college.Client.GetAsync($"/api/agreements/{agreementId}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.All(asParty.EnumerateArray(), e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("userId").ValueKind));
        Assert.Contains(asParty.EnumerateArray(), e => e.GetProperty("recordType").GetString() == "Agreement" && e.GetProperty("action").GetString() == "Created");
    }

    [Fact]
    public async Task Only_approved_organisations_propose_or_are_proposed_to()
    {
        var enterprise = await DemoAsync(Enterprise);
        using var anonymous = api.CreateClient();
        var email = $"dean-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email, password = MemberPassword, organisationName = $"待审核职业学院{Guid.NewGuid():N}", kind = "College", regionCode = "150200",
        })).JsonAsync(HttpStatusCode.Accepted);
        var pending = await api.ClientForAsync(email, MemberPassword);
        var pendingId = (await (await pending.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK)).GetProperty("organisationId").GetGuid();

        await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(pendingId))).AssertProblemAsync(HttpStatusCode.NotFound);
        var refused = await (await pending.PostJsonAsync("/api/proposals", Terms(enterprise.OrganisationId))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("审核", refused.GetProperty("detail").GetString());
        Assert.False(await api.QueryAsync(db => db.Proposals.AnyAsync(p => p.ToOrganisationId == pendingId || p.FromOrganisationId == pendingId)));
    }

    [Fact]
    public async Task The_inbox_counts_what_awaits_and_marks_it_read_for_its_organisation_only()
    {
        var (enterprise, college, outsider) = (await DemoAsync(Enterprise), await DemoAsync(College), await DemoAsync(Enterprise2));
        var proposal = await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId))).JsonAsync(HttpStatusCode.Created);
        var before = await (await college.Client.GetAsync("/api/inbox/unread-count")).JsonAsync(HttpStatusCode.OK);
        var inbox = await (await college.Client.GetAsync("/api/inbox?unreadOnly=true&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        var item = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("recordId").GetGuid() == Id(proposal));
        Assert.Equal("ProposalReceived", item.GetProperty("kind").GetString());

        await (await outsider.Client.PostAsync($"/api/inbox/{Id(item)}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var response = await college.Client.PostAsync($"/api/inbox/{Id(item)}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await (await college.Client.GetAsync("/api/inbox/unread-count")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("unread").GetInt32() - 1, after.GetProperty("unread").GetInt32());

        await (await college.Client.PostJsonAsync($"/api/proposals/{Id(proposal)}/decline", new { version = 1, reason = "本学期无招生计划" })).JsonAsync(HttpStatusCode.OK);
        var answers = await (await enterprise.Client.GetAsync("/api/inbox?unreadOnly=true&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(answers.GetProperty("items").EnumerateArray(), i => i.GetProperty("recordId").GetGuid() == Id(proposal)
            && i.GetProperty("kind").GetString() == "ProposalAnswered" && i.GetProperty("text").GetString()!.Contains("本学期无招生计划"));
    }

    [Fact]
    public async Task A_technology_need_is_answered_with_a_research_proposal()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var body = new { title = "储能电池热失控预警算法", problem = "现有BMS对热失控的预警不足 10 分钟，需要联合开发早期预警模型。", field = "储能系统集成",
            budgetMin = 300_000, budgetMax = 800_000, deadline = Today.AddMonths(6) };
        await (await enterprise.Client.PostJsonAsync("/api/technology-needs", body with { budgetMax = 100_000 })).AssertFieldErrorAsync("budgetMax");
        await (await enterprise.Client.PostJsonAsync("/api/technology-needs", body with { deadline = Today })).AssertFieldErrorAsync("deadline");
        await (await enterprise.Client.PostJsonAsync("/api/technology-needs", body with { title = "预警\u202E算法" })).AssertFieldErrorAsync("title");
        Assert.Equal(HttpStatusCode.Forbidden, (await college.Client.PostJsonAsync("/api/technology-needs", body)).StatusCode);
        var need = await (await enterprise.Client.PostJsonAsync("/api/technology-needs", body)).JsonAsync(HttpStatusCode.Created);

        var open = await (await college.Client.GetAsync("/api/technology-needs?status=Open&q=热失控")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(open.GetProperty("items").EnumerateArray(), n => Id(n) == Id(need));
        var proposal = await (await college.Client.PostJsonAsync("/api/proposals", new
        {
            toOrganisationId = enterprise.OrganisationId, technologyNeedId = Id(need), modes = new[] { "TechnologyResearch" }, message = "我院储能实验室可承担。",
            validUntil = DateTime.UtcNow.AddDays(30), startDate = Today.AddDays(20), endDate = Today.AddYears(1), entityKind = "JointLab",
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Id(need), proposal.GetProperty("technologyNeedId").GetGuid());

        var closed = await (await enterprise.Client.PostJsonAsync($"/api/technology-needs/{Id(need)}/close", new { version = 1 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var again = new
        {
            toOrganisationId = enterprise.OrganisationId, technologyNeedId = Id(need), modes = new[] { "TechnologyResearch" }, message = "再次提议。",
            validUntil = DateTime.UtcNow.AddDays(30), startDate = Today.AddDays(20), endDate = Today.AddYears(1),
        };
        await (await college.Client.PostJsonAsync("/api/proposals", again)).AssertFieldErrorAsync("technologyNeedId");
        // A demand of neither side cannot be the subject of a proposal.
        var foreign = await api.QueryAsync(db => db.Demands.Where(d => d.OrganisationId != enterprise.OrganisationId && d.Status == DemandStatus.Open)
            .Select(d => d.Id).FirstAsync());
        await (await enterprise.Client.PostJsonAsync("/api/proposals", Terms(college.OrganisationId, demandId: foreign))).AssertFieldErrorAsync("demandId");
    }

    [Fact]
    public async Task An_agreement_about_to_end_enters_both_inboxes_once()
    {
        var (enterprise, college) = (await DemoAsync(Enterprise), await DemoAsync(College));
        var proposal = await (await enterprise.Client.PostJsonAsync("/api/proposals",
            Terms(college.OrganisationId, start: Today.AddDays(-200), end: Today.AddDays(12)))).JsonAsync(HttpStatusCode.Created);
        var accepted = await (await college.Client.PostJsonAsync($"/api/proposals/{Id(proposal)}/accept", new { version = 1 })).JsonAsync(HttpStatusCode.OK);
        var agreementId = accepted.GetProperty("agreementId").GetGuid();

        foreach (var side in new[] { enterprise, college })
        {
            await (await side.Client.GetAsync("/api/inbox/unread-count")).JsonAsync(HttpStatusCode.OK);
            var inbox = await (await side.Client.GetAsync("/api/inbox?pageSize=200")).JsonAsync(HttpStatusCode.OK);
            var ending = inbox.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("recordId").GetGuid() == agreementId && i.GetProperty("kind").GetString() == "AgreementEnding").ToList();
            Assert.Single(ending);
            Assert.Contains(Today.AddDays(12).ToString("yyyy-MM-dd"), ending[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task The_demo_data_hold_cooperations_at_every_stage()
    {
        var (counts, reports, disputedThenConfirmed) = await api.QueryAsync(async db => (
            await db.Agreements.GroupBy(a => new { a.Status, Entity = a.EntityKind != null }).Select(g => g.Key).ToListAsync(),
            await db.Outcomes.Select(o => o.Status).Concat(db.Investments.Select(i => i.Status)).Distinct().ToListAsync(),
            await db.Outcomes.AnyAsync(o => o.Status == ReportStatus.Confirmed && o.DisputeCount > 0)));
        foreach (var status in Enum.GetValues<AgreementStatus>()) Assert.Contains(counts, c => c.Status == status);
        Assert.Contains(counts, c => c.Entity);
        Assert.Contains(counts, c => !c.Entity);
        Assert.Equal(3, reports.Count);
        Assert.True(disputedThenConfirmed);

        var government = await api.ClientForAsync(Government);
        foreach (var status in new[] { "Pending", "Declined", "Expired", "Accepted", "Withdrawn" })
        {
            var page = await (await government.GetAsync($"/api/proposals?status={status}")).JsonAsync(HttpStatusCode.OK);
            Assert.True(page.GetProperty("total").GetInt32() > 0, $"No demo proposal is {status}.");
        }
    }
}
