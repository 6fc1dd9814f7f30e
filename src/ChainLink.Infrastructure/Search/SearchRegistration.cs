using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Search;

public static class SearchRegistration
{
    /// <summary>
    /// The search port chosen by <c>Search:Provider</c>: Lucene.NET in <c>&lt;DataDirectory&gt;/index</c> (one instance,
    /// one index writer per process) or Elasticsearch; and the rebuild from the database behind reindex.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (ProviderOf(configuration) == SearchProvider.Elasticsearch) services.AddElasticsearchSearch();
        else
            services.AddSingleton<ISearchIndex>(sp =>
                new LuceneSearchIndex(Path.Combine(sp.GetRequiredService<IOptions<ChainLinkOptions>>().Value.DataDirectory, "index")));
        services.AddScoped<SearchIndexRebuilder>();
        services.AddSingleton<IMatchProfileStore, MatchProfileStore>();
        return services;
    }

    public static SearchProvider ProviderOf(IConfiguration configuration) =>
        configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.Provider ?? SearchProvider.Lucene;
}
