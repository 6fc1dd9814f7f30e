using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Search;
using ChainLink.Infrastructure.Search.Elasticsearch;
using Elastic.Clients.Elasticsearch;

namespace ChainLink.Infrastructure.Tests.Search;

/// <summary>Runs only against a real cluster: set CHAINLINK_ES_URL (and CHAINLINK_ES_USERNAME/PASSWORD if security is on).</summary>
public sealed class LiveElasticsearchFactAttribute : FactAttribute
{
    public const string Variable = "CHAINLINK_ES_URL";

    public LiveElasticsearchFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"Set {Variable} (e.g. http://localhost:9200) to run the live Elasticsearch tests.";
    }
}

/// <summary>The same documents and queries as the retrieval semantics describe, on a real cluster in throw-away indices.</summary>
public sealed class ElasticsearchLiveTests : IAsyncLifetime
{
    private static readonly Guid Org = Guid.Parse("0190a1b2-0000-7000-8000-0000000000aa");
    private static readonly Guid Solar = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid SolarAndText = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid TextOnly = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid Elsewhere = Guid.Parse("0190a1b2-0000-7000-8000-000000000004");
    private static readonly Guid Unrelated = Guid.Parse("0190a1b2-0000-7000-8000-000000000005");
    private static readonly Guid ClosedDemand = Guid.Parse("0190a1b2-0000-7000-8000-000000000006");

    private readonly string _prefix = $"chainlink-test-{Guid.NewGuid():N}";
    private ElasticsearchClient? _client;
    private ElasticsearchSearchIndex? _index;

    public Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(LiveElasticsearchFactAttribute.Variable);
        if (string.IsNullOrWhiteSpace(url)) return Task.CompletedTask;
        _client = ElasticsearchRegistration.CreateClient(new ElasticsearchOptions
        {
            Url = new Uri(url),
            Username = Environment.GetEnvironmentVariable("CHAINLINK_ES_USERNAME"),
            Password = Environment.GetEnvironmentVariable("CHAINLINK_ES_PASSWORD"),
            IndexPrefix = _prefix,
        });
        _index = new ElasticsearchSearchIndex(_client, _prefix);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is null) return;
        await _client.Indices.DeleteAsync($"{_prefix}-programmes");
        await _client.Indices.DeleteAsync($"{_prefix}-demands");
    }

    private static SearchDocument Doc(SearchDocumentKind kind, Guid id, long version, string region, EducationLevel level, string text, bool active, params string[] skills) =>
        new(kind, id, version, Org, region, level, kind == SearchDocumentKind.Programme ? "460301" : null, null, skills, text, active);

    private async Task ApplyAndRefreshAsync(params SearchDocument[] documents)
    {
        await _index!.ApplyAsync(documents.Select(d => new SearchDocumentChange(d.Kind, d.Id, d.Version, d)).ToList(), CancellationToken.None);
        await _client!.Indices.RefreshAsync($"{_prefix}-programmes,{_prefix}-demands");
    }

    [LiveElasticsearchFact]
    public async Task Candidates_follow_the_shared_retrieval_semantics()
    {
        await _index!.EnsureCreatedAsync(CancellationToken.None);
        await ApplyAndRefreshAsync(
            Doc(SearchDocumentKind.Programme, Solar, 1, "320500", EducationLevel.HigherVocational, "机电一体化技术", true, "S1", "S2"),
            Doc(SearchDocumentKind.Programme, SolarAndText, 1, "320583", EducationLevel.HigherVocational, "光伏电站运维与逆变器检修", true, "S1"),
            Doc(SearchDocumentKind.Programme, TextOnly, 1, "320500", EducationLevel.HigherVocational, "光伏电站运维", true, "S9"),
            Doc(SearchDocumentKind.Programme, Elsewhere, 1, "440300", EducationLevel.HigherVocational, "光伏电站运维", true, "S1", "S2"),
            Doc(SearchDocumentKind.Programme, Unrelated, 1, "320500", EducationLevel.SecondaryVocational, "烹饪工艺与营养", true, "S7"),
            Doc(SearchDocumentKind.Demand, ClosedDemand, 1, "320500", EducationLevel.HigherVocational, "光伏电站运维", false, "S1"));

        var candidates = await _index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S1", "S2"], "光伏运维",
            [EducationLevel.HigherVocational], "32", 10), CancellationToken.None);

        // Shared skills first (2, then 1, then text only); the region filter drops the Shenzhen programme.
        Assert.Equal([Solar, SolarAndText, TextOnly], candidates.Select(c => c.Id));
        Assert.Equal([2, 1, 0], candidates.Select(c => c.SharedSkills));
        Assert.Equal(0, candidates[0].TextScore);
        Assert.True(candidates[1].TextScore > 0 && candidates[2].TextScore > 0);

        var demands = await _index.SearchAsync(new CandidateQuery(SearchDocumentKind.Demand, ["S1"], "光伏", null, null, 10), CancellationToken.None);
        Assert.Empty(demands);
    }

    [LiveElasticsearchFact]
    public async Task An_older_version_never_replaces_a_newer_one_and_reapplying_is_harmless()
    {
        await ApplyAndRefreshAsync(Doc(SearchDocumentKind.Programme, Solar, 3, "320500", EducationLevel.HigherVocational, "光伏", true, "S2"));
        await ApplyAndRefreshAsync(
            Doc(SearchDocumentKind.Programme, Solar, 2, "320500", EducationLevel.HigherVocational, "光伏", true, "S1"),
            Doc(SearchDocumentKind.Programme, Solar, 3, "320500", EducationLevel.HigherVocational, "光伏", true, "S2"));

        var candidates = await _index!.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S1", "S2"], null, null, null, 10), CancellationToken.None);

        var only = Assert.Single(candidates);
        Assert.Equal((Solar, 1), (only.Id, only.SharedSkills));

        await _index.ApplyAsync([new SearchDocumentChange(SearchDocumentKind.Programme, Solar, 4, null)], CancellationToken.None);
        await _client!.Indices.RefreshAsync($"{_prefix}-programmes");
        Assert.Empty(await _index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S2"], null, null, null, 10), CancellationToken.None));
    }
}
