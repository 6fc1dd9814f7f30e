using System.Text;
using System.Text.Json.Nodes;
using ChainLink.Infrastructure.Search.Elasticsearch;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace ChainLink.Infrastructure.Tests.Search;

/// <summary>
/// The official client over <see cref="InMemoryRequestInvoker"/>s that answer scripted responses in order; every request
/// the client sends is captured (direct streaming off, so its bytes are kept) for the tests to parse.
/// </summary>
internal sealed class ScriptedElasticsearch : IRequestInvoker
{
    /// <summary>The client refuses a server that does not say it is Elasticsearch.</summary>
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new(StringComparer.Ordinal) { ["x-elastic-product"] = ["Elasticsearch"] };

    private readonly Queue<(int Status, string? Body, Exception? Error)> _responses = new();

    public ScriptedElasticsearch()
    {
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), this)
            .DisableDirectStreaming()
            .OnRequestCompleted(Calls.Add);
        Index = new ElasticsearchSearchIndex(new ElasticsearchClient(settings), "test");
    }

    public ElasticsearchSearchIndex Index { get; }

    public List<ApiCallDetails> Calls { get; } = [];

    public ResponseFactory ResponseFactory { get; } = new InMemoryRequestInvoker().ResponseFactory;

    public ScriptedElasticsearch Respond(int status, string? body = null)
    {
        _responses.Enqueue((status, body, null));
        return this;
    }

    public ScriptedElasticsearch Unreachable()
    {
        _responses.Enqueue((0, null, new HttpRequestException("Connection refused (es.test:9200)")));
        return this;
    }

    /// <summary>Both indices already exist (HEAD answers 200 twice).</summary>
    public ScriptedElasticsearch IndicesExist() => Respond(200).Respond(200);

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() => Next().Request<TResponse>(endpoint, boundConfiguration, postData);

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new() => Next().RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

    public void Dispose() { }

    private InMemoryRequestInvoker Next()
    {
        if (!_responses.TryDequeue(out var next)) throw new InvalidOperationException("The client sent a request the test did not script.");
        return new InMemoryRequestInvoker(next.Body is null ? null : Encoding.UTF8.GetBytes(next.Body), next.Status, next.Error, "application/json", ProductHeader);
    }

    public ApiCallDetails Call(int index) => Calls[index];

    public static JsonNode? Body(ApiCallDetails call) => JsonNode.Parse(call.RequestBodyInBytes!);

    /// <summary>A bulk body: one JSON document per line.</summary>
    public static IReadOnlyList<JsonNode?> NdJson(ApiCallDetails call) =>
        Encoding.UTF8.GetString(call.RequestBodyInBytes!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)).ToList();

    public static void AssertJsonEqual(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {JsonNode.Parse(expected)!.ToJsonString()}\nbut got  {actual?.ToJsonString()}");
}
