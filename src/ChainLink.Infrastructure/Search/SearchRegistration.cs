using ChainLink.Application.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Search;

public static class SearchRegistration
{
    /// <summary>The search port: Lucene.NET in <c>&lt;DataDirectory&gt;/index</c>, one instance (one index writer) per process.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISearchIndex>(sp =>
            new LuceneSearchIndex(Path.Combine(sp.GetRequiredService<IOptions<ChainLinkOptions>>().Value.DataDirectory, "index")));
        services.AddScoped<SearchIndexRebuilder>();
        return services;
    }
}
