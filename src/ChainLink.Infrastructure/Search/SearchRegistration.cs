using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Infrastructure.Search;

public static class SearchRegistration
{
    /// <summary>The search port chosen by <c>Search:Provider</c>, and the rebuild from the database behind reindex.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.Provider ?? SearchProvider.Lucene;
        if (provider == SearchProvider.Elasticsearch) services.AddElasticsearchSearch();
        else services.AddSingleton<ISearchIndex, LuceneNotMergedSearchIndex>();
        services.AddScoped<SearchIndexRebuilder>();
        return services;
    }

    /// <summary>MERGE: the Lucene.NET index comes from the matching branch; until then this branch reports the embedded index as down.</summary>
    private sealed class LuceneNotMergedSearchIndex : ISearchIndex
    {
        private static SearchUnavailableException Missing() => new("The Lucene index is not part of this build yet.");

        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.FromException(Missing());

        public Task ApplyAsync(IReadOnlyList<SearchDocumentChange> changes, CancellationToken cancellationToken) => Task.FromException(Missing());

        public Task<IReadOnlyList<SearchCandidate>> SearchAsync(CandidateQuery query, CancellationToken cancellationToken) =>
            Task.FromException<IReadOnlyList<SearchCandidate>>(Missing());

        public Task ClearAsync(CancellationToken cancellationToken) => Task.FromException(Missing());
    }
}
