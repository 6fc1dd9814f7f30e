using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChainLink.Application.Common;
using ChainLink.Application.ResourceMap;
using ChainLink.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// The map is served from points cached per state of the database; these tests hold its answers to the computation the
/// map made for every request before (loaded for the one viewer), and show that changes reach the next request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MapCacheTests(ChainLinkApiFactory api)
{
    private static readonly string[] Layers = ["colleges", "programmes", "trainingBases", "mentors", "platforms"];

    private async Task<Guid?> OrganisationOfAsync(HttpClient client)
    {
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        return me.TryGetProperty("organisationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null;
    }

    /// <summary>The answer computed without the cache: every resource loaded for <paramref name="viewer"/> alone.</summary>
    private async Task<JsonNode> UncachedAsync(Guid? viewer, Func<MapData, ITaxonomyCache, object> answer)
    {
        using var scope = api.Services.CreateScope();
        var taxonomy = scope.ServiceProvider.GetRequiredService<ITaxonomyCache>();
        var data = await MapData.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), taxonomy, viewer, CancellationToken.None);
        return JsonSerializer.SerializeToNode(answer(data, taxonomy), Json)!;
    }

    private static async Task<JsonNode> ServedAsync(HttpClient client, string url) =>
        JsonNode.Parse((await client.GetAsync(url)).EnsureSuccessStatusCode().Content.ReadAsStream())!;

    private static void AssertSame(JsonNode expected, JsonNode actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what}: cached answer differs from the uncached one");

    private static List<JsonNode> FeaturesOf(JsonNode collection) => [.. collection["features"]!.AsArray().Select(f => f!)];

    [Theory]
    [InlineData(Government)]
    [InlineData(College)]
    [InlineData(Enterprise)]
    public async Task Cached_layers_and_summary_equal_the_uncached_computation_with_and_without_filters(string email)
    {
        var client = await api.ClientForAsync(email);
        var viewer = await OrganisationOfAsync(client);
        var programmes = FeaturesOf(await ServedAsync(client, "/api/map/features?layer=programmes"));
        var major = programmes[0]["properties"]!["details"]!["majorCode"]!.GetValue<string>();
        var cluster = programmes.SelectMany(p => p["properties"]!["clusterCodes"]!.AsArray()).First()!.GetValue<string>();
        GetMapFeatures[] queries = [.. Layers.SelectMany(layer => new GetMapFeatures[]
        {
            new(layer, null, null, null), new(layer, cluster, null, null), new(layer, null, major, null),
            new(layer, null, null, "150200"), new(layer, null, null, "150000"), new(layer, cluster, null, "150200"),
        })];
        foreach (var query in queries)
        {
            var url = $"/api/map/features?layer={query.Layer}&cluster={query.Cluster}&major={query.Major}&region={query.Region}";
            var expected = await UncachedAsync(viewer, (data, taxonomy) => MapQueryHandlers.Features(data, query, viewer, taxonomy));
            // Twice: the first may load the cache, the second is served from it.
            AssertSame(expected, await ServedAsync(client, url), url);
            AssertSame(expected, await ServedAsync(client, url), url);
        }
        foreach (var region in new string?[] { null, "150000", "150200" })
        {
            var url = $"/api/map/summary?region={region}";
            var expected = await UncachedAsync(viewer, (data, taxonomy) => MapQueryHandlers.Summary(data, new GetMapSummary(region), taxonomy));
            AssertSame(expected, await ServedAsync(client, url), url);
            AssertSame(expected, await ServedAsync(client, url), url);
        }
    }

    [Fact]
    public async Task Enterprises_read_their_own_mentors_names_and_others_read_them_masked_from_the_same_cache()
    {
        var enterprise = await api.ClientForAsync(Enterprise);
        var own = await OrganisationOfAsync(enterprise);
        var seenByOwner = FeaturesOf(await ServedAsync(enterprise, "/api/map/features?layer=mentors"))
            .Where(f => f["properties"]!["mine"]!.GetValue<bool>()).ToList();
        Assert.NotEmpty(seenByOwner);
        Assert.All(seenByOwner, f => Assert.DoesNotContain("**", f["properties"]!["name"]!.GetValue<string>()));
        var government = await api.ClientForAsync(Government);
        var seenByOthers = FeaturesOf(await ServedAsync(government, "/api/map/features?layer=mentors"))
            .Where(f => f["properties"]!["organisationId"]!.GetValue<Guid>() == own).ToList();
        Assert.Equal(seenByOwner.Count, seenByOthers.Count);
        Assert.All(seenByOthers, f => Assert.EndsWith("**", f["properties"]!["name"]!.GetValue<string>()));
    }

    private static object Base(string name, int hoursPerQuarter, int version = 0) => new
    {
        name,
        longitude = 111.75,
        latitude = 40.84,
        regionCode = "150100",
        clusterCodes = new[] { "NE-WIND" },
        capacityHoursPerYear = 4000,
        usage = new[] { new { quarter = "2026Q1", hours = hoursPerQuarter }, new { quarter = "2026Q2", hours = hoursPerQuarter } },
        sharedWith = Array.Empty<Guid>(),
        version,
    };

    private static JsonNode? Find(JsonNode collection, string id) => FeaturesOf(collection).SingleOrDefault(f => f["id"]!.GetValue<string>() == id);

    [Fact]
    public async Task A_new_training_base_and_its_changed_usage_are_on_the_next_map_request()
    {
        var government = await api.ClientForAsync(Government);
        const string layer = "/api/map/features?layer=trainingBases&region=150100";
        var before = await ServedAsync(government, layer);
        var summaryBefore = (await ServedAsync(government, "/api/map/summary?region=150100"))["regions"]![0]!;

        var college = await api.ClientForAsync(College);
        var created = await (await college.PostJsonAsync("/api/resources/training-bases", Base($"呼和浩特缓存测试实训基地{Guid.NewGuid():N}", 500)))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var after = await ServedAsync(government, layer);
        Assert.Null(Find(before, id));
        Assert.Equal(FeaturesOf(before).Count + 1, FeaturesOf(after).Count);
        Assert.Equal(0.25, Find(after, id)!["properties"]!["utilisation"]!.GetValue<double>());
        var summaryAfter = (await ServedAsync(government, "/api/map/summary?region=150100"))["regions"]![0]!;
        Assert.Equal(summaryBefore["trainingBases"]!.GetValue<int>() + 1, summaryAfter["trainingBases"]!.GetValue<int>());
        Assert.Equal(summaryBefore["hoursUsed"]!.GetValue<long>() + 1000, summaryAfter["hoursUsed"]!.GetValue<long>());

        await (await college.PutJsonAsync($"/api/resources/training-bases/{id}", Base(created.GetProperty("name").GetString()!, 1000, 1)))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0.5, Find(await ServedAsync(government, layer), id)!["properties"]!["utilisation"]!.GetValue<double>());
        var summaryEdited = (await ServedAsync(government, "/api/map/summary?region=150100"))["regions"]![0]!;
        Assert.Equal(summaryBefore["hoursUsed"]!.GetValue<long>() + 2000, summaryEdited["hoursUsed"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pending_colleges_own_training_base_is_on_its_map_and_on_no_one_elses_until_approved()
    {
        var government = await api.ClientForAsync(Government);
        var college = await api.ClientForAsync(College);
        const string layer = "/api/map/features?layer=trainingBases";
        // Warm the shared copy first, so the pending college's write has to be seen past it.
        await ServedAsync(government, layer);

        using var anonymous = api.CreateClient();
        var email = $"hr-{Guid.NewGuid():N}@example.cn";
        await (await anonymous.PostJsonAsync("/api/auth/register", new
        {
            email, password = "Str0ng#Pass", organisationName = $"呼和浩特待审缓存职业学院{Guid.NewGuid().ToString("N")[..8]}", kind = "College", regionCode = "150100",
        })).JsonAsync(HttpStatusCode.Accepted);
        var pending = await api.ClientForAsync(email, "Str0ng#Pass");
        var created = await (await pending.PostJsonAsync("/api/resources/training-bases", Base("待审学院的实训基地", 500))).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var own = Find(await ServedAsync(pending, layer), id);
        Assert.NotNull(own);
        Assert.True(own["properties"]!["mine"]!.GetValue<bool>());
        Assert.Null(Find(await ServedAsync(government, layer), id));
        Assert.Null(Find(await ServedAsync(college, layer), id));
        var pendingSummary = await ServedAsync(pending, "/api/map/summary");
        var publicSummary = await ServedAsync(government, "/api/map/summary");
        int Bases(JsonNode summary) => summary["regions"]!.AsArray().Sum(r => r!["trainingBases"]!.GetValue<int>());
        Assert.Equal(Bases(publicSummary) + 1, Bases(pendingSummary));
    }
}
