using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ResourceMapTests(ChainLinkApiFactory api)
{
    private static readonly string[] Layers = ["colleges", "programmes", "trainingBases", "mentors", "platforms"];

    private async Task<JsonElement> FeaturesAsync(string query, string email = Government)
    {
        var client = await api.ClientForAsync(email);
        return await (await client.GetAsync($"/api/map/features?{query}")).JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The boundary file as the web application loads it: an asset of the build, named with its hash.</summary>
    private async Task<Boundaries> BoundariesAsync()
    {
        var assets = api.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetDirectoryContents("assets");
        var file = Assert.Single(assets, f => f.Name.StartsWith("neimenggu-", StringComparison.Ordinal) && f.Name.EndsWith(".json", StringComparison.Ordinal));
        using var client = api.CreateClient();
        return Boundaries.Parse(await (await client.GetAsync($"/assets/{file.Name}")).JsonAsync(HttpStatusCode.OK));
    }

    private static List<JsonElement> Features(JsonElement collection) => [.. collection.GetProperty("features").EnumerateArray()];

    [Fact]
    public async Task Every_layer_is_an_RFC_7946_feature_collection_of_points_inside_their_own_prefecture()
    {
        var boundaries = await BoundariesAsync();
        Assert.Equal(12, boundaries.RegionCodes.Count);
        var (minLon, minLat, maxLon, maxLat) = boundaries.Bounds();
        foreach (var layer in Layers)
        {
            var collection = await FeaturesAsync($"layer={layer}");
            Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
            var features = Features(collection);
            Assert.True(features.Count > 0, $"layer {layer} is empty");
            foreach (var feature in features)
            {
                Assert.Equal("Feature", feature.GetProperty("type").GetString());
                var geometry = feature.GetProperty("geometry");
                Assert.Equal("Point", geometry.GetProperty("type").GetString());
                var coordinates = geometry.GetProperty("coordinates");
                Assert.Equal(2, coordinates.GetArrayLength());
                // RFC 7946 §3.1.1: longitude first. Inner Mongolia spans about 97–126 °E and 37–53 °N, so a swapped pair falls outside.
                var (lon, lat) = (coordinates[0].GetDouble(), coordinates[1].GetDouble());
                Assert.InRange(lon, minLon, maxLon);
                Assert.InRange(lat, minLat, maxLat);
                var properties = feature.GetProperty("properties");
                var region = properties.GetProperty("regionCode").GetString()!;
                Assert.True(boundaries.Contains(region, lon, lat), $"{layer} '{properties.GetProperty("name")}' at [{lon}, {lat}] lies outside {region}");
                Assert.Equal(layer, properties.GetProperty("layer").GetString());
                Assert.False(string.IsNullOrEmpty(properties.GetProperty("organisationName").GetString()));
            }
        }
    }

    [Fact]
    public async Task Every_point_the_placement_can_give_around_a_seat_stays_inside_its_prefecture()
    {
        var boundaries = await BoundariesAsync();
        var seats = await api.QueryAsync(db => db.Regions.Where(r => r.ParentCode == "150000").ToListAsync());
        Assert.Equal(12, seats.Count);
        var steps = Enumerable.Range(0, 21).Select(i => i / 20.0).ToList();
        foreach (var seat in seats)
        {
            // A 21 × 21 grid over the whole square the offsets can reach, corners included.
            foreach (var (x, y) in steps.SelectMany(x => steps.Select(y => (x, y))))
            {
                var point = ChainLink.Application.ResourceMap.MapPlacement.Offset(seat.Code, new(seat.Longitude, seat.Latitude), x, y);
                Assert.True(boundaries.Contains(seat.Code, point.Longitude, point.Latitude), $"{seat.Name}: [{point.Longitude}, {point.Latitude}] is outside");
            }
        }
    }

    [Fact]
    public async Task Training_base_utilisation_is_hours_used_in_the_last_four_quarters_over_yearly_capacity()
    {
        var features = Features(await FeaturesAsync("layer=trainingBases"));
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            var counts = properties.GetProperty("counts");
            var expected = Math.Round(counts.GetProperty("hoursUsed").GetDouble() / counts.GetProperty("capacityHoursPerYear").GetDouble(), 4);
            Assert.Equal(expected, properties.GetProperty("utilisation").GetDouble());
            Assert.InRange(expected, 0, 1);
        }
        // Other layers have no capacity, so no utilisation.
        Assert.All(Features(await FeaturesAsync("layer=colleges")), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("properties").GetProperty("utilisation").ValueKind));
    }

    [Fact]
    public async Task Filters_by_cluster_region_and_major_narrow_each_layer()
    {
        var all = Features(await FeaturesAsync("layer=trainingBases"));
        var cluster = all[0].GetProperty("properties").GetProperty("clusterCodes")[0].GetString()!;
        var byCluster = Features(await FeaturesAsync($"layer=trainingBases&cluster={cluster}"));
        Assert.InRange(byCluster.Count, 1, all.Count - 1);
        Assert.All(byCluster, f => Assert.Contains(cluster, f.GetProperty("properties").GetProperty("clusterCodes").EnumerateArray().Select(c => c.GetString())));

        var colleges = Features(await FeaturesAsync("layer=colleges"));
        var byRegion = Features(await FeaturesAsync("layer=colleges&region=150200"));
        Assert.InRange(byRegion.Count, 1, colleges.Count - 1);
        Assert.All(byRegion, f => Assert.Equal("150200", f.GetProperty("properties").GetProperty("regionCode").GetString()));
        Assert.Equal(colleges.Count, Features(await FeaturesAsync("layer=colleges&region=150000")).Count);

        var programmes = Features(await FeaturesAsync("layer=programmes"));
        var major = programmes[0].GetProperty("properties").GetProperty("details").GetProperty("majorCode").GetString()!;
        var byMajor = Features(await FeaturesAsync($"layer=programmes&major={major}"));
        Assert.InRange(byMajor.Count, 1, programmes.Count - 1);
        Assert.All(byMajor, f => Assert.Equal(major, f.GetProperty("properties").GetProperty("details").GetProperty("majorCode").GetString()));
        var offering = Features(await FeaturesAsync($"layer=colleges&major={major}"));
        Assert.Equal(byMajor.Select(f => f.GetProperty("properties").GetProperty("organisationId").GetString()).Distinct().Order(),
            offering.Select(f => f.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task Filters_that_match_nothing_give_an_empty_feature_collection()
    {
        var beijing = await FeaturesAsync("layer=colleges&region=110000");
        Assert.Equal("FeatureCollection", beijing.GetProperty("type").GetString());
        Assert.Empty(Features(beijing));
        // 临床医学 (520101K) is not taught by any demo college.
        Assert.Empty(Features(await FeaturesAsync("layer=programmes&major=520101K")));
    }

    [Theory]
    [InlineData("layer=roads", "layer")]
    [InlineData("", "layer")]
    [InlineData("layer=colleges&cluster=NOT-A-CLUSTER", "cluster")]
    [InlineData("layer=colleges&major=999999", "major")]
    [InlineData("layer=colleges&region=159999", "region")]
    public async Task Unknown_layer_or_codes_are_a_400_naming_the_parameter(string query, string field)
    {
        var client = await api.ClientForAsync(Government);
        await (await client.GetAsync($"/api/map/features?{query}")).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task The_map_needs_a_signed_in_user()
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/map/features?layer=colleges")).StatusCode);
    }

    [Fact]
    public async Task A_college_sees_its_own_resources_marked_and_government_sees_none_as_its_own()
    {
        var college = Features(await FeaturesAsync("layer=colleges", College));
        var mine = Assert.Single(college, f => f.GetProperty("properties").GetProperty("mine").GetBoolean());
        var collegeClient = await api.ClientForAsync(College);
        var me = await (await collegeClient.GetAsync("/api/auth/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(me.GetProperty("organisationId").GetString(), mine.GetProperty("id").GetString());
        Assert.Contains(Features(await FeaturesAsync("layer=trainingBases", College)), f => f.GetProperty("properties").GetProperty("mine").GetBoolean());

        foreach (var layer in Layers)
            Assert.DoesNotContain(Features(await FeaturesAsync($"layer={layer}")), f => f.GetProperty("properties").GetProperty("mine").GetBoolean());
    }

    [Fact]
    public async Task Summary_counts_and_utilisation_agree_with_the_layers()
    {
        var client = await api.ClientForAsync(Government);
        var summary = await (await client.GetAsync("/api/map/summary?region=150000")).JsonAsync(HttpStatusCode.OK);
        var regions = summary.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(Features(await FeaturesAsync("layer=trainingBases")).Count, regions.Sum(r => r.GetProperty("trainingBases").GetInt32()));
        Assert.Equal(Features(await FeaturesAsync("layer=colleges")).Count, regions.Sum(r => r.GetProperty("colleges").GetInt32()));
        foreach (var r in regions.Where(r => r.GetProperty("capacityHoursPerYear").GetInt32() > 0))
            Assert.Equal(Math.Round(r.GetProperty("hoursUsed").GetDouble() / r.GetProperty("capacityHoursPerYear").GetDouble(), 4), r.GetProperty("utilisation").GetDouble());
        Assert.NotEmpty(summary.GetProperty("clusters").EnumerateArray());

        var baotou = await (await client.GetAsync("/api/map/summary?region=150200")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("150200", Assert.Single(baotou.GetProperty("regions").EnumerateArray()).GetProperty("regionCode").GetString());
        await (await client.GetAsync("/api/map/summary?region=999999")).AssertFieldErrorAsync("region");
    }

    private static object TrainingBase(int version = 0) => new
    {
        name = "包头风电运维公共实训基地（测试）",
        longitude = 109.84,
        latitude = 40.66,
        regionCode = "150200",
        clusterCodes = new[] { "NE-WIND" },
        capacityHoursPerYear = 4000,
        usage = new[] { new { quarter = "2026Q1", hours = 500 }, new { quarter = "2026Q2", hours = 500 } },
        sharedWith = Array.Empty<Guid>(),
        version,
    };

    [Fact]
    public async Task A_college_records_a_training_base_that_appears_on_the_map_and_only_it_may_edit()
    {
        var owner = await api.ClientForAsync(College);
        var created = await (await owner.PostJsonAsync("/api/resources/training-bases", TrainingBase())).JsonAsync(HttpStatusCode.Created);
        // (500 + 500) / 4000
        Assert.Equal(0.25, created.GetProperty("utilisation").GetDouble());
        var id = created.GetProperty("id").GetString();
        var onMap = Assert.Single(Features(await FeaturesAsync("layer=trainingBases&region=150200")), f => f.GetProperty("id").GetString() == id);
        Assert.Equal(0.25, onMap.GetProperty("properties").GetProperty("utilisation").GetDouble());
        Assert.Equal(109.84, onMap.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());

        var other = await api.ClientForAsync(College2);
        await (await other.PutJsonAsync($"/api/resources/training-bases/{id}", TrainingBase(1))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutJsonAsync($"/api/resources/training-bases/{id}", TrainingBase(1))).JsonAsync(HttpStatusCode.OK);
        await (await owner.PutJsonAsync($"/api/resources/training-bases/{id}", TrainingBase(1))).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_training_bases_are_refused_naming_the_field_and_write_nothing()
    {
        var before = await api.QueryAsync(db => db.TrainingBases.CountAsync());
        var client = await api.ClientForAsync(College);
        var swapped = new { name = "坐标颠倒", longitude = 40.66, latitude = 109.84, regionCode = "150200", clusterCodes = new[] { "NE-WIND" }, capacityHoursPerYear = 4000 };
        await (await client.PostJsonAsync("/api/resources/training-bases", swapped)).AssertFieldErrorAsync("longitude");
        var badCluster = new { name = "未知集群", longitude = 109.84, latitude = 40.66, regionCode = "150200", clusterCodes = new[] { "NOPE" }, capacityHoursPerYear = 4000 };
        await (await client.PostJsonAsync("/api/resources/training-bases", badCluster)).AssertFieldErrorAsync("clusterCodes[0]");
        var overused = new { name = "超时使用", longitude = 109.84, latitude = 40.66, regionCode = "150200", clusterCodes = new[] { "NE-WIND" }, capacityHoursPerYear = 400,
            usage = new[] { new { quarter = "2026Q1", hours = 101 } } };
        await (await client.PostJsonAsync("/api/resources/training-bases", overused)).AssertFieldErrorAsync("usage");
        var government = await api.ClientForAsync(Government);
        Assert.Equal(HttpStatusCode.Forbidden, (await government.PostJsonAsync("/api/resources/training-bases", TrainingBase())).StatusCode);
        Assert.Equal(before, await api.QueryAsync(db => db.TrainingBases.CountAsync()));
    }

    [Fact]
    public async Task Enterprises_record_mentors_and_colleges_may_not()
    {
        var programme = Features(await FeaturesAsync("layer=programmes"))[0].GetProperty("id").GetString();
        var mentor = new { name = "测试导师", skillCodes = new[] { "SK0002" }, programmeIds = new[] { programme }, hoursTaught = 48 };
        var enterprise = await api.ClientForAsync(Enterprise);
        var created = await (await enterprise.PostJsonAsync("/api/resources/mentors", mentor)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(48, created.GetProperty("hoursTaught").GetInt32());

        // A mentor's name is personal data: only the mentor's own enterprise reads it in full.
        var id = created.GetProperty("id").GetString();
        Assert.Equal("测试导师", Assert.Single(Features(await FeaturesAsync("layer=mentors", Enterprise)), f => f.GetProperty("id").GetString() == id)
            .GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("测**", Assert.Single(Features(await FeaturesAsync("layer=mentors")), f => f.GetProperty("id").GetString() == id)
            .GetProperty("properties").GetProperty("name").GetString());
        var government = await api.ClientForAsync(Government);
        var listed = await (await government.GetAsync($"/api/resources/mentors?organisation={created.GetProperty("organisationId").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.All(listed.GetProperty("items").EnumerateArray(), m => Assert.EndsWith("**", m.GetProperty("name").GetString(), StringComparison.Ordinal));

        var college = await api.ClientForAsync(College);
        await (await college.PostJsonAsync("/api/resources/mentors", mentor)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var unknownProgramme = new { name = "测试导师", skillCodes = new[] { "SK0002" }, programmeIds = new[] { Guid.NewGuid() }, hoursTaught = 48 };
        await (await enterprise.PostJsonAsync("/api/resources/mentors", unknownProgramme)).AssertFieldErrorAsync("programmeIds");
    }

    [Fact]
    public async Task Colleges_and_enterprises_record_rd_platforms()
    {
        var platform = new { name = "测试重点实验室", kind = "KeyLaboratory", clusterCodes = new[] { "NE-HYDROGEN" }, longitude = 109.99, latitude = 39.82, regionCode = "150600" };
        var enterprise = await api.ClientForAsync(Enterprise2);
        var created = await (await enterprise.PostJsonAsync("/api/resources/platforms", platform)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("KeyLaboratory", created.GetProperty("kind").GetString());
        var onMap = Features(await FeaturesAsync("layer=platforms&cluster=NE-HYDROGEN&region=150600"));
        Assert.Contains(onMap, f => f.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        await (await enterprise.PostJsonAsync("/api/resources/platforms", new { name = "x", kind = "Nope", clusterCodes = new[] { "NE-HYDROGEN" }, longitude = 109.99, latitude = 39.82, regionCode = "150600" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
