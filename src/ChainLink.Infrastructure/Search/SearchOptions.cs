using System.ComponentModel.DataAnnotations;

namespace ChainLink.Infrastructure.Search;

public enum SearchProvider
{
    /// <summary>In-process Lucene.NET index in the data folder (the embedded default).</summary>
    Lucene,

    /// <summary>An Elasticsearch 9 cluster reached through the official client (production).</summary>
    Elasticsearch,
}

public sealed class SearchOptions
{
    public const string Section = "Search";

    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

public sealed class ElasticsearchOptions
{
    /// <summary>Required when the provider is Elasticsearch, e.g. https://es.internal:9200.</summary>
    public Uri? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Prefix of the index names, so that several environments can share one cluster.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_-]*$")] public string IndexPrefix { get; set; } = "chainlink";
}
