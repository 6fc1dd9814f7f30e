using System.Text.RegularExpressions;
using ChainLink.Application.Matching;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Search.Elasticsearch;

public static partial class ElasticsearchRegistration
{
    /// <summary>
    /// The Elasticsearch implementation of the search port: one client (it pools connections) and one index object per
    /// process. The options are validated at start: a URL is required, and user/password go together.
    /// </summary>
    public static IServiceCollection AddElasticsearchSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .Validate(o => o.Provider != SearchProvider.Elasticsearch || o.Elasticsearch.Url is { IsAbsoluteUri: true },
                "Search:Elasticsearch:Url is required (an absolute http(s) URL) when Search:Provider is Elasticsearch.")
            .Validate(o => string.IsNullOrEmpty(o.Elasticsearch.Username) == string.IsNullOrEmpty(o.Elasticsearch.Password),
                "Search:Elasticsearch:Username and Search:Elasticsearch:Password go together.")
            // Data annotations do not reach into the nested options, so the index-name rule is checked here.
            .Validate(o => IndexPrefixPattern().IsMatch(o.Elasticsearch.IndexPrefix ?? ""),
                "Search:Elasticsearch:IndexPrefix must start with a lowercase letter or digit and contain only lowercase letters, digits, '-' and '_'.")
            .ValidateOnStart();
        services.AddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch));
        services.AddSingleton<ISearchIndex>(sp => new ElasticsearchSearchIndex(
            sp.GetRequiredService<ElasticsearchClient>(), sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch.IndexPrefix));
        return services;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IndexPrefixPattern();

    public static ElasticsearchClient CreateClient(ElasticsearchOptions options)
    {
        var settings = new ElasticsearchClientSettings(options.Url!).RequestTimeout(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(options.ApiKey)) settings = settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrEmpty(options.Username)) settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password!));
        return new ElasticsearchClient(settings);
    }
}
