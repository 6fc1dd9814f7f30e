using System.Text.Json.Nodes;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using Elastic.Transport;
using HttpMethod = Elastic.Transport.HttpMethod;
using static ChainLink.Infrastructure.Tests.Search.ScriptedElasticsearch;

namespace ChainLink.Infrastructure.Tests.Search;

/// <summary>
/// What the Elasticsearch implementation sends (parsed JSON, not strings) and how it reads what real clusters answer,
/// including errors. Response bodies follow the shapes Elasticsearch 9 returns.
/// </summary>
public sealed class ElasticsearchContractTests
{
    private static readonly Guid ProgrammeId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid OtherProgrammeId = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid DemandId = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid OrganisationId = Guid.Parse("0190a1b2-0000-7000-8000-0000000000aa");

    private const string Created = """{"acknowledged":true,"shards_acknowledged":true,"index":"test-programmes"}""";

    private static string IndexNotFound(string index) => $$$"""
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [{{{index}}}]","resource.type":"index_or_alias","resource.id":"{{{index}}}","index_uuid":"_na_","index":"{{{index}}}"}],
        "type":"index_not_found_exception","reason":"no such index [{{{index}}}]","resource.type":"index_or_alias","resource.id":"{{{index}}}","index_uuid":"_na_","index":"{{{index}}}"},"status":404}
        """;

    private static SearchDocument Programme(Guid id, long version, params string[] skills) => new(
        SearchDocumentKind.Programme, id, version, OrganisationId, "320500", EducationLevel.HigherVocational, "460301", null, skills, "光伏电站运维\n逆变器检修", Active: true);

    [Fact]
    public async Task Ensure_created_creates_each_missing_index_with_the_definition_in_infra()
    {
        var es = new ScriptedElasticsearch().Respond(404).Respond(200, Created).Respond(404).Respond(200, Created);

        await es.Index.EnsureCreatedAsync(CancellationToken.None);

        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "infra", "elasticsearch", "chainlink-index.json")));
        Assert.Equal(4, es.Calls.Count);
        Assert.Equal([(HttpMethod.HEAD, "/test-programmes"), (HttpMethod.PUT, "/test-programmes"), (HttpMethod.HEAD, "/test-demands"), (HttpMethod.PUT, "/test-demands")],
            es.Calls.Select(c => (c.HttpMethod, c.Uri!.AbsolutePath)));
        Assert.True(JsonNode.DeepEquals(file, Body(es.Call(1))), "The index is created with exactly the JSON kept in infra/elasticsearch.");
        Assert.True(JsonNode.DeepEquals(file, Body(es.Call(3))));
        Assert.Equal("cjk", file!["mappings"]!["properties"]!["text"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", file["mappings"]!["properties"]!["skillCodes"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ensure_created_leaves_existing_indices_alone_and_tolerates_a_concurrent_create()
    {
        var alreadyExists = """{"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [test-demands/abc] already exists","index_uuid":"abc","index":"test-demands"}],"type":"resource_already_exists_exception","reason":"index [test-demands/abc] already exists","index_uuid":"abc","index":"test-demands"},"status":400}""";
        var es = new ScriptedElasticsearch().Respond(200).Respond(404).Respond(400, alreadyExists);

        await es.Index.EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal([HttpMethod.HEAD, HttpMethod.HEAD, HttpMethod.PUT], es.Calls.Select(c => c.HttpMethod));
    }

    [Fact]
    public async Task Apply_sends_one_bulk_with_external_versions_for_upserts_and_removals()
    {
        var es = new ScriptedElasticsearch().IndicesExist().Respond(200, $$$"""
            {"errors":false,"took":7,"items":[
              {"index":{"_index":"test-programmes","_id":"{{{ProgrammeId}}}","_version":3,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1,"status":201}},
              {"delete":{"_index":"test-demands","_id":"{{{DemandId}}}","_version":5,"result":"deleted","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":4,"_primary_term":1,"status":200}}]}
            """);

        await es.Index.ApplyAsync([
            new SearchDocumentChange(SearchDocumentKind.Programme, ProgrammeId, 3, Programme(ProgrammeId, 3, "S0101", "S0203")),
            new SearchDocumentChange(SearchDocumentKind.Demand, DemandId, 5, null),
        ], CancellationToken.None);

        var bulk = es.Call(2);
        Assert.Equal((HttpMethod.POST, "/_bulk"), (bulk.HttpMethod, bulk.Uri!.AbsolutePath));
        var lines = NdJson(bulk);
        Assert.Equal(3, lines.Count);
        AssertJsonEqual($$$"""{"index":{"_index":"test-programmes","_id":"{{{ProgrammeId}}}","version":3,"version_type":"external"}}""", lines[0]);
        AssertJsonEqual($$$"""
            {"id":"{{{ProgrammeId}}}","kind":"Programme","organisationId":"{{{OrganisationId}}}","regionCode":"320500","level":"HigherVocational",
             "majorCode":"460301","skillCodes":["S0101","S0203"],"text":"光伏电站运维\n逆变器检修","active":true}
            """, lines[1]);
        AssertJsonEqual($$$"""{"delete":{"_index":"test-demands","_id":"{{{DemandId}}}","version":5,"version_type":"external"}}""", lines[2]);
    }

    [Fact]
    public async Task Apply_counts_a_version_conflict_and_an_already_deleted_document_as_applied()
    {
        var es = new ScriptedElasticsearch().IndicesExist().Respond(200, $$$"""
            {"errors":true,"took":3,"items":[
              {"index":{"_index":"test-programmes","_id":"{{{ProgrammeId}}}","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[{{{ProgrammeId}}}]: version conflict, current version [4] is higher or equal to the one provided [3]","index_uuid":"Xq1","shard":"0","index":"test-programmes"} } },
              {"delete":{"_index":"test-demands","_id":"{{{DemandId}}}","_version":5,"result":"not_found","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":7,"_primary_term":1,"status":404}}]}
            """);

        await es.Index.ApplyAsync([
            new SearchDocumentChange(SearchDocumentKind.Programme, ProgrammeId, 3, Programme(ProgrammeId, 3, "S0101")),
            new SearchDocumentChange(SearchDocumentKind.Demand, DemandId, 5, null),
        ], CancellationToken.None);

        Assert.Equal(3, es.Calls.Count);
    }

    [Fact]
    public async Task Apply_reports_items_the_cluster_refused()
    {
        var es = new ScriptedElasticsearch().IndicesExist().Respond(200, $$$"""
            {"errors":true,"took":3,"items":[
              {"index":{"_index":"test-programmes","_id":"{{{ProgrammeId}}}","_version":2,"result":"updated","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1,"status":200}},
              {"index":{"_index":"test-programmes","_id":"{{{OtherProgrammeId}}}","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"} } }]}
            """);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => es.Index.ApplyAsync([
            new SearchDocumentChange(SearchDocumentKind.Programme, ProgrammeId, 2, Programme(ProgrammeId, 2, "S0101")),
            new SearchDocumentChange(SearchDocumentKind.Programme, OtherProgrammeId, 1, Programme(OtherProgrammeId, 1, "S0101")),
        ], CancellationToken.None));

        Assert.Contains(OtherProgrammeId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("es_rejected_execution_exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProgrammeId.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_creates_the_indices_first_so_a_bulk_never_guesses_a_mapping()
    {
        var es = new ScriptedElasticsearch().Respond(404).Respond(200, Created).Respond(200).Respond(200, $$$"""
            {"errors":false,"took":1,"items":[{"index":{"_index":"test-programmes","_id":"{{{ProgrammeId}}}","_version":1,"result":"created","status":201}}]}
            """);

        await es.Index.ApplyAsync([new SearchDocumentChange(SearchDocumentKind.Programme, ProgrammeId, 1, Programme(ProgrammeId, 1, "S0101"))], CancellationToken.None);

        Assert.Equal([HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.HEAD, HttpMethod.POST], es.Calls.Select(c => c.HttpMethod));
    }

    [Fact]
    public async Task Search_filters_matches_skills_or_text_and_orders_by_shared_skills_then_text_score_then_id()
    {
        var es = new ScriptedElasticsearch().Respond(200, """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");

        await es.Index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S0203", "S0101"], " 光伏运维 ",
            [EducationLevel.VocationalBachelor, EducationLevel.HigherVocational], "32", 20), CancellationToken.None);

        var call = es.Call(0);
        Assert.Equal((HttpMethod.POST, "/test-programmes/_search"), (call.HttpMethod, call.Uri!.AbsolutePath));
        Assert.Contains("include_named_queries_score=true", call.Uri.Query, StringComparison.Ordinal);
        AssertJsonEqual("""
            {
              "size": 20,
              "track_scores": true,
              "_source": { "includes": "skillCodes" },
              "query": { "bool": {
                "filter": [
                  { "term": { "active": { "value": true } } },
                  { "terms": { "level": ["HigherVocational", "VocationalBachelor"] } },
                  { "prefix": { "regionCode": { "value": "32" } } }
                ],
                "should": [
                  { "terms": { "skillCodes": ["S0203", "S0101"], "_name": "skills", "boost": 0 } },
                  { "match": { "text": { "query": "光伏运维", "_name": "text" } } }
                ],
                "minimum_should_match": 1
              } },
              "sort": [
                { "_script": { "type": "number", "order": "desc", "script": {
                  "source": "int n = 0; for (def c : params.codes) { if (doc['skillCodes'].contains(c)) { n++; } } return n;",
                  "params": { "codes": ["S0203", "S0101"] } } } },
                { "_score": { "order": "desc" } },
                { "id": { "order": "asc" } }
              ]
            }
            """, Body(call));
    }

    [Fact]
    public async Task Search_reads_the_text_score_from_the_named_query_and_counts_shared_skills_from_the_source()
    {
        var es = new ScriptedElasticsearch().Respond(200, $$$"""
            {"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":3,"relation":"eq"},"max_score":2.1,"hits":[
              {"_index":"test-programmes","_id":"{{{ProgrammeId}}}","_score":1.25,"_source":{"skillCodes":["S0101","S0203","S0999"]},"matched_queries":{"skills":0.0,"text":1.25},"sort":[2,1.25,"{{{ProgrammeId}}}"]},
              {"_index":"test-programmes","_id":"{{{OtherProgrammeId}}}","_score":0.0,"_source":{"skillCodes":["S0203"]},"matched_queries":{"skills":0.0},"sort":[1,0.0,"{{{OtherProgrammeId}}}"]},
              {"_index":"test-programmes","_id":"{{{DemandId}}}","_score":2.1,"_source":{"skillCodes":[]},"matched_queries":{"text":2.1},"sort":[0,2.1,"{{{DemandId}}}"]}]}}
            """);

        var candidates = await es.Index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S0101", "S0203"], "光伏", null, null, 10), CancellationToken.None);

        Assert.Equal([new SearchCandidate(ProgrammeId, 1.25, 2), new SearchCandidate(OtherProgrammeId, 0, 1), new SearchCandidate(DemandId, 2.1, 0)], candidates);
    }

    [Fact]
    public async Task Search_without_skills_or_text_asks_nothing()
    {
        var es = new ScriptedElasticsearch();

        Assert.Empty(await es.Index.SearchAsync(new CandidateQuery(SearchDocumentKind.Demand, [], "  ", null, null, 10), CancellationToken.None));
        Assert.Empty(es.Calls);
    }

    [Fact]
    public async Task Search_on_a_missing_index_is_unavailable()
    {
        var es = new ScriptedElasticsearch().Respond(404, IndexNotFound("test-demands"));

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() =>
            es.Index.SearchAsync(new CandidateQuery(SearchDocumentKind.Demand, ["S0101"], null, null, null, 10), CancellationToken.None));

        Assert.Contains("no such index", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_make_the_index_unavailable(int status)
    {
        var es = new ScriptedElasticsearch().Respond(status, """{"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}""");

        await Assert.ThrowsAsync<SearchUnavailableException>(() =>
            es.Index.SearchAsync(new CandidateQuery(SearchDocumentKind.Programme, ["S0101"], null, null, null, 10), CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_cluster_makes_every_operation_unavailable()
    {
        var es = new ScriptedElasticsearch().Unreachable().Unreachable().Unreachable();
        var search = new CandidateQuery(SearchDocumentKind.Programme, ["S0101"], null, null, null, 10);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => es.Index.SearchAsync(search, CancellationToken.None));
        await Assert.ThrowsAsync<SearchUnavailableException>(() => es.Index.EnsureCreatedAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SearchUnavailableException>(() =>
            es.Index.ApplyAsync([new SearchDocumentChange(SearchDocumentKind.Demand, DemandId, 2, null)], CancellationToken.None));
    }

    [Fact]
    public async Task Clear_deletes_both_indices_and_creates_them_again()
    {
        var es = new ScriptedElasticsearch()
            .Respond(200, """{"acknowledged":true}""").Respond(404, IndexNotFound("test-demands"))
            .Respond(404).Respond(200, Created).Respond(404).Respond(200, Created);

        await es.Index.ClearAsync(CancellationToken.None);

        Assert.Equal([(HttpMethod.DELETE, "/test-programmes"), (HttpMethod.DELETE, "/test-demands"), (HttpMethod.HEAD, "/test-programmes"),
                (HttpMethod.PUT, "/test-programmes"), (HttpMethod.HEAD, "/test-demands"), (HttpMethod.PUT, "/test-demands")],
            es.Calls.Select(c => (c.HttpMethod, c.Uri!.AbsolutePath)));
    }
}
