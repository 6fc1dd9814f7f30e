using System.Net;
using System.Text.Json;
using ChainLink.Application.Matching;
using ChainLink.Domain.Demands;
using ChainLink.Infrastructure.Search;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class MatchingTests(ChainLinkApiFactory api)
{
    /// <summary>Until the outbox keeps the index in step, tests that write rebuild it as a start would.</summary>
    private async Task ReindexAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexRebuilder>().RebuildAsync(CancellationToken.None);
    }

    private Task<Demand> AnOpenDemandWithSkillsAsync() =>
        api.QueryAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Open && d.Skills.Count >= 2).OrderBy(d => d.Id).FirstAsync());

    [Fact]
    public async Task Programmes_for_a_demand_come_ranked_with_their_explanations()
    {
        var demand = await AnOpenDemandWithSkillsAsync();
        var client = await api.ClientForAsync(College);

        var body = await (await client.GetAsync($"/api/demands/{demand.Id}/matches?top=5")).JsonAsync(HttpStatusCode.OK);

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 5);
        Assert.Equal(Enumerable.Range(1, results.Count), results.Select(r => r.GetProperty("rank").GetInt32()));
        var totals = results.Select(r => r.GetProperty("explanation").GetProperty("score").GetProperty("total").GetDouble()).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        Assert.Equal(demand.Skills.Select(s => s.SkillCode).Order(), body.GetProperty("basis").GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("code").GetString()).Order());

        var best = results[0].GetProperty("explanation");
        var covered = best.GetProperty("coveredSkills").EnumerateArray().ToList();
        var missing = best.GetProperty("missingSkills").EnumerateArray().ToList();
        Assert.NotEmpty(covered);
        Assert.All(covered, c => Assert.NotEmpty(c.GetProperty("modules").EnumerateArray()));
        Assert.Equal(demand.Skills.Count, covered.Count + missing.Count);
        Assert.True(best.GetProperty("distanceKm").GetDouble() >= 0);
        Assert.True(best.GetProperty("graduates").GetInt32() >= 0);
        var score = best.GetProperty("score");
        foreach (var component in new[] { "skills", "distance", "supply", "level", "text" })
            Assert.Equal(JsonValueKind.Object, score.GetProperty(component).ValueKind);
        var sum = new[] { "skills", "distance", "supply", "level", "text" }.Sum(c => score.GetProperty(c).GetProperty("contribution").GetDouble());
        Assert.Equal(score.GetProperty("total").GetDouble(), sum, 3);
        // Colleges' public programme data only: no contact details in a match.
        Assert.DoesNotContain("contact", results[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Open_demands_for_a_programme_come_ranked_and_only_open_ones()
    {
        // A programme teaching a skill some open demand asks for.
        var programme = await api.QueryAsync(async db =>
        {
            var wanted = (await db.Demands.Where(d => d.Status == DemandStatus.Open).ToListAsync())
                .SelectMany(d => d.Skills).Select(s => s.SkillCode).ToHashSet();
            return (await db.Programmes.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync())
                .First(p => p.Modules.SelectMany(m => m.Skills).Any(s => wanted.Contains(s.SkillCode)));
        });
        var client = await api.ClientForAsync(Enterprise);

        var body = await (await client.GetAsync($"/api/programmes/{programme.Id}/matches")).JsonAsync(HttpStatusCode.OK);

        var ids = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("demandId").GetGuid()).ToList();
        Assert.InRange(ids.Count, 1, MatchLimits.DefaultTop);
        var statuses = await api.QueryAsync(db => db.Demands.Where(d => ids.Contains(d.Id)).Select(d => d.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(DemandStatus.Open, s));
        Assert.Contains(body.GetProperty("results").EnumerateArray(),
            r => r.GetProperty("explanation").GetProperty("coveredSkills").GetArrayLength() > 0);
        Assert.Equal(programme.Modules.SelectMany(m => m.Skills).Select(s => s.SkillCode).Distinct().Order(),
            body.GetProperty("basis").GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_top_outside_1_to_100_is_400()
    {
        var client = await api.ClientForAsync(Government);
        await (await client.GetAsync($"/api/demands/{Guid.NewGuid()}/matches")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/programmes/{Guid.NewGuid()}/matches")).AssertProblemAsync(HttpStatusCode.NotFound);

        var demand = await AnOpenDemandWithSkillsAsync();
        await (await client.GetAsync($"/api/demands/{demand.Id}/matches?top=0")).AssertFieldErrorAsync("top");
        await (await client.GetAsync($"/api/demands/{demand.Id}/matches?top=101")).AssertFieldErrorAsync("top");
        await (await client.GetAsync($"/api/programmes/{Guid.NewGuid()}/matches?top=-1")).AssertFieldErrorAsync("top");
        await (await client.PostJsonAsync("/api/match", new { skills = new[] { "SK0002" }, top = 500 })).AssertFieldErrorAsync("top");
        await (await client.GetAsync($"/api/demands/{demand.Id}/matches?top=many")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_draft_demands_matches_are_its_owners_alone()
    {
        var owner = await api.ClientForAsync(Enterprise);
        var draft = await (await owner.PostJsonAsync("/api/demands", DemandTests.ValidDemand())).JsonAsync(HttpStatusCode.Created);
        var url = $"/api/demands/{draft.GetProperty("id").GetString()}/matches";

        var mine = await (await owner.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(mine.GetProperty("results").EnumerateArray());
        await (await (await api.ClientForAsync(Enterprise2)).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await api.ClientForAsync(College)).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_match()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/match", new { skills = new[] { "SK0002" } })).StatusCode);
    }

    [Fact]
    public async Task Free_text_is_turned_into_skills_and_programmes_teaching_them_rank_first()
    {
        var client = await api.ClientForAsync(Enterprise);

        var body = await (await client.PostJsonAsync("/api/match", new { text = "招聘光伏电站运维，熟悉逆变器检修", region = "150600", level = "HigherVocational", top = 10 }))
            .JsonAsync(HttpStatusCode.OK);

        var basis = body.GetProperty("basis");
        Assert.False(basis.GetProperty("noSkillRecognised").GetBoolean());
        var skills = basis.GetProperty("skills").EnumerateArray().ToList();
        Assert.NotEmpty(skills);
        Assert.All(skills, s => Assert.Equal("text", s.GetProperty("source").GetString()));
        Assert.All(skills, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("matchedText").GetString())));
        var best = body.GetProperty("results")[0].GetProperty("explanation");
        Assert.NotEmpty(best.GetProperty("coveredSkills").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, best.GetProperty("score").GetProperty("supply").ValueKind);
        Assert.Equal(JsonValueKind.Object, best.GetProperty("score").GetProperty("distance").ValueKind);
    }

    [Fact]
    public async Task Text_without_a_known_skill_still_finds_programmes_by_text_and_says_so()
    {
        var college = await api.ClientForAsync(College);
        var programme = ProgrammeDescribedAs("星河湾订单班合作项目");
        var created = await (await college.PostJsonAsync("/api/programmes", programme)).JsonAsync(HttpStatusCode.Created);
        await ReindexAsync();

        var body = await (await (await api.ClientForAsync(Enterprise)).PostJsonAsync("/api/match", new { text = "星河湾" })).JsonAsync(HttpStatusCode.OK);

        var basis = body.GetProperty("basis");
        Assert.True(basis.GetProperty("noSkillRecognised").GetBoolean());
        Assert.Contains("未识别出词表中的技能", basis.GetProperty("note").GetString());
        Assert.Empty(basis.GetProperty("skills").EnumerateArray());
        var first = body.GetProperty("results")[0];
        Assert.Equal(created.GetProperty("id").GetString(), first.GetProperty("programmeId").GetString());
        Assert.Equal(1, first.GetProperty("explanation").GetProperty("score").GetProperty("text").GetProperty("value").GetDouble());
    }

    private static Dictionary<string, object?> ProgrammeDescribedAs(string description)
    {
        var programme = ProgrammeTests.ValidProgramme();
        programme["description"] = description;
        return programme;
    }

    [Fact]
    public async Task Ad_hoc_match_names_the_bad_field()
    {
        var client = await api.ClientForAsync(Enterprise);
        await (await client.PostJsonAsync("/api/match", new { })).AssertFieldErrorAsync("text");
        await (await client.PostJsonAsync("/api/match", new { skills = new[] { "SK9999" } })).AssertFieldErrorAsync("skills[0]");
        await (await client.PostJsonAsync("/api/match", new { text = "光伏", region = "999999" })).AssertFieldErrorAsync("region");
        await (await client.PostJsonAsync("/api/match/majors", new { text = "   " })).AssertFieldErrorAsync("text");
        await (await client.PostJsonAsync("/api/match/majors", new { skills = new[] { "SK0002" }, top = 0 })).AssertFieldErrorAsync("top");
    }

    [Fact]
    public async Task Majors_come_from_the_whole_catalogue_not_only_those_offered()
    {
        var (skill, major) = await api.QueryAsync(async db =>
        {
            var offered = await db.Programmes.Select(p => p.MajorCode).Distinct().ToListAsync();
            var links = await db.MajorSkills.Where(l => !offered.Contains(l.MajorCode)).ToListAsync();
            var bySkill = await db.MajorSkills.GroupBy(l => l.SkillCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var link = links.OrderBy(l => bySkill[l.SkillCode]).ThenBy(l => l.SkillCode).First();
            return (link.SkillCode, link.MajorCode);
        });
        var client = await api.ClientForAsync(Enterprise);

        var body = await (await client.PostJsonAsync("/api/match/majors", new { skills = new[] { skill }, top = 100 })).JsonAsync(HttpStatusCode.OK);

        var hit = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("majorCode").GetString() == major);
        Assert.Equal(1, hit.GetProperty("coverage").GetDouble());
        var covered = Assert.Single(hit.GetProperty("coveredSkills").EnumerateArray());
        Assert.Equal(skill, covered.GetProperty("code").GetString());
        Assert.Contains(covered.GetProperty("modules").EnumerateArray(), m => m.GetString() == "专业技能");
    }

    [Fact]
    public async Task Majors_for_text_name_the_skills_behind_each()
    {
        var client = await api.ClientForAsync(Enterprise);
        var body = await (await client.PostJsonAsync("/api/match/majors", new { text = "招聘光伏电站运维，熟悉逆变器检修", top = 5 })).JsonAsync(HttpStatusCode.OK);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 5);
        Assert.All(results, r => Assert.NotEmpty(r.GetProperty("coveredSkills").EnumerateArray()));
        var coverages = results.Select(r => r.GetProperty("coverage").GetDouble()).ToList();
        Assert.Equal(coverages.OrderDescending(), coverages);

        var none = await (await client.PostJsonAsync("/api/match/majors", new { text = "星河湾" })).JsonAsync(HttpStatusCode.OK);
        Assert.True(none.GetProperty("basis").GetProperty("noSkillRecognised").GetBoolean());
        Assert.Empty(none.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task An_index_that_is_down_makes_matching_503_while_writes_succeed()
    {
        await using var down = new DownIndexFactory();
        await down.InitializeAsync();
        var enterprise = await down.ClientForAsync(Enterprise);
        var demand = await down.QueryAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Open).OrderBy(d => d.Id).FirstAsync());

        var problem = await (await enterprise.GetAsync($"/api/demands/{demand.Id}/matches")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("搜索索引", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await enterprise.PostJsonAsync("/api/match", new { skills = new[] { "SK0002" } })).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await enterprise.PostJsonAsync("/api/demands", DemandTests.ValidDemand())).JsonAsync(HttpStatusCode.Created);
        // Majors need no index.
        await (await enterprise.PostJsonAsync("/api/match/majors", new { skills = new[] { "SK0002" } })).JsonAsync(HttpStatusCode.OK);
    }

    private sealed class DownIndexFactory : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ISearchIndex, DownIndex>());
        }
    }

    private sealed class DownIndex : ISearchIndex
    {
        private static SearchUnavailableException Down() => new("connection refused");
        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => throw Down();
        public Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken) => throw Down();
        public Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken) => throw Down();
        public Task ClearAsync(CancellationToken cancellationToken) => throw Down();
    }
}
