using ChainLink.Application.Matching;
using ChainLink.Infrastructure.Search.Elasticsearch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Tests;

/// <summary>A wrong search or outbox setting stops the start with a message naming the key, not a failure at the first request.</summary>
public sealed class SearchConfigurationTests
{
    private sealed class ConfiguredFactory(params (string Key, string Value)[] settings) : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Demo data is not needed to check the configuration, and seeding it would slow every start.
            builder.UseSetting("ChainLink:Demo:Enabled", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Search:Provider=Elasticsearch", "Search:Elasticsearch:Url")]
    [InlineData("Search:Provider=Elasticsearch;Search:Elasticsearch:Url=http://127.0.0.1:9;Search:Elasticsearch:IndexPrefix=Chain Link", "Search:Elasticsearch:IndexPrefix")]
    [InlineData("Search:Provider=Elasticsearch;Search:Elasticsearch:Url=http://127.0.0.1:9;Search:Elasticsearch:Username=chainlink", "Search:Elasticsearch:Password")]
    [InlineData("Outbox:BatchSize=0", "BatchSize")]
    [InlineData("Outbox:InitialBackoff=00:10:00", "Outbox:MaxBackoff")]
    public async Task A_wrong_setting_stops_the_start_naming_the_key(string settings, string named)
    {
        await using var api = new ConfiguredFactory([.. settings.Split(';').Select(s => s.Split('=', 2)).Select(kv => (kv[0], kv[1]))]);

        var error = Assert.IsType<OptionsValidationException>(Record.Exception(() => api.Services));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_elasticsearch_provider_uses_the_official_client_implementation()
    {
        await using var api = new ConfiguredFactory(("Search:Provider", "Elasticsearch"), ("Search:Elasticsearch:Url", "http://127.0.0.1:9"),
            ("Outbox:DispatcherEnabled", "false"));

        Assert.IsType<ElasticsearchSearchIndex>(api.Services.GetRequiredService<ISearchIndex>());
    }
}
