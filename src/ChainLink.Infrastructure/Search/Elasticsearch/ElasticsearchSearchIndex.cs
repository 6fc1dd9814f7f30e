using System.Reflection;
using System.Text.Json.Serialization;
using ChainLink.Application.Matching;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using ElasticHttpMethod = Elastic.Transport.HttpMethod;

namespace ChainLink.Infrastructure.Search.Elasticsearch;

/// <summary>
/// The search port on an Elasticsearch 9 cluster, through the official client. One index per kind
/// (<c>{prefix}-programmes</c>, <c>{prefix}-demands</c>), both created from <c>infra/elasticsearch/chainlink-index.json</c>.
/// Documents carry the entity's version as an external version, so the cluster itself refuses an older version over a
/// newer one and applying is idempotent.
/// </summary>
public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, string indexPrefix) : ISearchIndex
{
    /// <summary>Elasticsearch accepts at most a few MB per request; this keeps a reindex's bulk requests well below that.</summary>
    public const int BulkChunkSize = 500;

    public const string TextQueryName = "text";
    public const string SkillsQueryName = "skills";

    /// <summary>How many of the query's skill codes a document carries; keyword doc values make <c>contains</c> exact.</summary>
    public const string SharedSkillsScript = "int n = 0; for (def c : params.codes) { if (doc['skillCodes'].contains(c)) { n++; } } return n;";

    private static readonly Lazy<string> IndexDefinitionJson = new(ReadIndexDefinition);
    private volatile bool _created;

    /// <summary>The mapping and settings both indices are created with (the embedded copy of the file in infra/).</summary>
    public static string IndexDefinition => IndexDefinitionJson.Value;

    public string IndexName(SearchDocumentKind kind) => kind switch
    {
        SearchDocumentKind.Programme => $"{indexPrefix}-programmes",
        SearchDocumentKind.Demand => $"{indexPrefix}-demands",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private IEnumerable<string> IndexNames => Enum.GetValues<SearchDocumentKind>().Select(IndexName);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in IndexNames)
        {
            var exists = await Call(() => client.Indices.ExistsAsync(name, cancellationToken), cancellationToken);
            if (exists.Exists) continue;
            if (exists.ApiCallDetails.HttpStatusCode != 404) throw Unavailable($"checking index {name}", exists);
            // The index definition is sent as stored, so what runs is exactly the reviewed file.
            var created = await Call(() => client.Transport.RequestAsync<StringResponse>(ElasticHttpMethod.PUT, $"/{name}", PostData.String(IndexDefinition), cancellationToken), cancellationToken);
            if (!created.ApiCallDetails.HasSuccessfulStatusCode && !created.Body.Contains("resource_already_exists_exception", StringComparison.Ordinal))
                throw Unavailable($"creating index {name}", created);
        }
        _created = true;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        // Bulk requests to a missing index would create it with a guessed mapping; make sure ours exists first.
        if (!_created) await EnsureCreatedAsync(cancellationToken);
        var failures = new List<string>();
        foreach (var chunk in changes.Chunk(BulkChunkSize))
        {
            var request = new BulkRequest { Operations = [.. chunk.Select(Operation)] };
            var response = await Call(() => client.BulkAsync(request, cancellationToken), cancellationToken);
            if (response.Items.Count == 0 && !response.ApiCallDetails.HasSuccessfulStatusCode) throw Unavailable("applying changes", response);
            failures.AddRange(response.Items.Where(i => !Applied(i)).Select(i => $"{i.Index}/{i.Id}: {i.Status} {i.Error?.Type} {i.Error?.Reason}"));
        }
        if (failures.Count > 0)
            throw new SearchUnavailableException($"Elasticsearch refused {failures.Count} of {changes.Count} changes: {string.Join("; ", failures.Take(5))}");
    }

    public async Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        var request = BuildSearch(query);
        if (request is null) return [];
        var response = await Call(() => client.SearchAsync<SearchSource>(request, cancellationToken), cancellationToken);
        if (!response.IsValidResponse) throw Unavailable("searching", response);
        var codes = query.SkillCodes.ToHashSet(StringComparer.Ordinal);
        return response.Hits.Select(h => new SearchCandidate(
            Guid.Parse(h.Id!),
            NamedScore(h, TextQueryName),
            h.Source?.SkillCodes?.Count(codes.Contains) ?? 0)).ToList();
    }

    /// <summary>Deletes both indices and creates them again: unlike a delete-by-query this leaves no version tombstones
    /// that would make the cluster refuse the rebuilt documents' (lower or equal) versions.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        foreach (var name in IndexNames)
        {
            var deleted = await Call(() => client.Indices.DeleteAsync(name, cancellationToken), cancellationToken);
            if (!deleted.IsValidResponse && deleted.ApiCallDetails.HttpStatusCode != 404) throw Unavailable($"deleting index {name}", deleted);
        }
        _created = false;
        await EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>
    /// The retrieval semantics both back-ends share: filter (active, levels, region prefix), match (a shared skill code
    /// or the text), order (shared skills, then text score, then id). The skills clause has boost 0, so a document's
    /// score is its text score alone and sorting on <c>_score</c> orders by text relevance; the text score is also read
    /// back per hit from the named query (<c>include_named_queries_score</c>), which stays right even if the skills
    /// clause ever scores.
    /// </summary>
    public SearchRequest? BuildSearch(CandidateQuery query)
    {
        var codes = query.SkillCodes.Distinct(StringComparer.Ordinal).ToList();
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        if (query.Size <= 0 || (codes.Count == 0 && text is null)) return null;

        var filter = new List<Query> { new TermQuery(Field("active"), FieldValue.True) };
        if (query.Levels is { Count: > 0 } levels)
            filter.Add(new TermsQuery(Field("level"), new TermsQueryField(levels.Order().Select(l => FieldValue.String(l.ToString())).ToList())));
        if (!string.IsNullOrEmpty(query.RegionPrefix)) filter.Add(new PrefixQuery(Field("regionCode"), query.RegionPrefix));

        var should = new List<Query>();
        if (codes.Count > 0)
            should.Add(new TermsQuery(Field("skillCodes"), new TermsQueryField(codes.Select(FieldValue.String).ToList())) { QueryName = SkillsQueryName, Boost = 0 });
        if (text is not null) should.Add(new MatchQuery(Field("text"), text) { QueryName = TextQueryName });

        var sort = new List<SortOptions>();
        if (codes.Count > 0)
            sort.Add(new SortOptions
            {
                Script = new ScriptSort(new Script { Source = SharedSkillsScript, Params = new Dictionary<string, object> { ["codes"] = codes } })
                {
                    Type = ScriptSortType.Number,
                    Order = SortOrder.Desc,
                },
            });
        sort.Add(new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } });
        sort.Add(new SortOptions { Field = new FieldSort(Field("id")) { Order = SortOrder.Asc } });

        return new SearchRequest(IndexName(query.Kind))
        {
            Size = query.Size,
            TrackScores = true,
            IncludeNamedQueriesScore = true,
            Source = new SourceConfig(new SourceFilter { Includes = Fields.FromString("skillCodes") }),
            Query = new BoolQuery { Filter = filter, Should = should, MinimumShouldMatch = 1 },
            Sort = sort,
        };
    }

    private BulkOperation Operation(SearchDocumentChange change) => change.Document is { } document
        ? new BulkIndexOperation<IndexedDocument>(IndexedDocument.From(document), IndexName(change.Kind))
        {
            Id = change.Id.ToString(), Version = change.Version, VersionType = VersionType.External,
        }
        : new BulkDeleteOperation(change.Id.ToString())
        {
            Index = IndexName(change.Kind), Version = change.Version, VersionType = VersionType.External,
        };

    /// <summary>
    /// A version conflict means the index already holds this version or a newer one: the outcome the change asked for.
    /// (Deleting a document that is not there is no error either: the item says <c>not_found</c> without an error.)
    /// </summary>
    private static bool Applied(ResponseItem item) => item.Error is null || item.Status == 409;

    /// <summary>The named query's own score; 0 when it did not match (with scores requested, the cluster answers a map).</summary>
    private static double NamedScore(Hit<SearchSource> hit, string name)
    {
        double score = 0;
        hit.MatchedQueries?.Match(_ => { }, scores => { if (scores?.TryGetValue(name, out var s) == true) score = s; });
        return score;
    }

    private static Field Field(string name) => new(name);

    /// <summary>Transport failures (unreachable node, timeout, failed product check) surface as the port's exception.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (TransportException e)
        {
            throw new SearchUnavailableException($"Elasticsearch cannot be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SearchUnavailableException("Elasticsearch did not answer in time.", e);
        }
    }

    private static SearchUnavailableException Unavailable(string what, TransportResponse response)
    {
        var details = response.ApiCallDetails;
        var status = details.HttpStatusCode is { } code ? $"HTTP {code}" : "no response";
        var reason = (response as ElasticsearchResponse)?.ElasticsearchServerError?.Error?.Reason ?? details.OriginalException?.Message;
        return new SearchUnavailableException($"Elasticsearch failed {what} ({status}{(reason is null ? "" : ": " + reason)}).", details.OriginalException);
    }

    private static string ReadIndexDefinition()
    {
        using var stream = typeof(ElasticsearchSearchIndex).Assembly.GetManifestResourceStream("ChainLink.Infrastructure.Search.chainlink-index.json")
            ?? throw new InvalidOperationException("The embedded Elasticsearch index definition is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The stored source; names are fixed here so that no serializer setting can change the mapping's fields.</summary>
    internal sealed record IndexedDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("organisationId")] string OrganisationId,
        [property: JsonPropertyName("regionCode")] string RegionCode,
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("majorCode")] string? MajorCode,
        [property: JsonPropertyName("occupationCode")] string? OccupationCode,
        [property: JsonPropertyName("skillCodes")] IReadOnlyList<string> SkillCodes,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("active")] bool Active)
    {
        public static IndexedDocument From(SearchDocument d) => new(
            d.Id.ToString(), d.Kind.ToString(), d.OrganisationId.ToString(), d.RegionCode, d.Level.ToString(), d.MajorCode, d.OccupationCode,
            d.SkillCodes, d.Text, d.Active);
    }

    internal sealed record SearchSource([property: JsonPropertyName("skillCodes")] IReadOnlyList<string>? SkillCodes);
}
