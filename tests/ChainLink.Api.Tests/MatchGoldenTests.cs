using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChainLink.Domain.Demands;
using Microsoft.EntityFrameworkCore;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>
/// Matches on the demo data equal those of a golden file written by the code before the profile store
/// (<c>Golden/matches.json</c>). A property the golden file does not have (added to the results later) is not compared.
/// To write the file again after a deliberate change of the answers: <c>CHAINLINK_WRITE_GOLDEN=1 dotnet test … --filter MatchGoldenTests</c>,
/// then review its diff.
/// </summary>
public sealed class MatchGoldenTests(FixedDateApiFactory api) : IClassFixture<FixedDateApiFactory>
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "matches.json");

    private static readonly object[] FreeTexts =
    [
        new { text = "招聘光伏电站运维员，熟悉逆变器检修和PLC编程", top = 20 },
        new { text = "招聘光伏电站运维员，熟悉逆变器检修和PLC编程", region = "150600", level = "HigherVocational", top = 20 },
        new { text = "数控车床操作工，会CAD制图，能看懂机械图纸", region = "150200", top = 20 },
        new { text = "护理员，负责老年人日常照护", region = "150100", level = "SecondaryVocational", top = 10 },
        new { text = "星河湾", top = 10 },
        new { skills = new[] { "SK0002", "SK0010" }, region = "152500", top = 20 },
    ];

    [Fact]
    public async Task Matches_on_the_demo_data_equal_the_golden_answers()
    {
        var enterprise = await api.ClientForAsync(Enterprise);
        var college = await api.ClientForAsync(College);
        var demands = await api.QueryAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Open)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(8).ToListAsync());
        var programmes = await api.QueryAsync(db => db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync());
        Assert.Equal(8, demands.Count);

        var answers = new JsonObject();
        foreach (var id in demands)
            answers[$"GET /api/demands/{id}/matches"] = await ReadAsync(await college.GetAsync($"/api/demands/{id}/matches?top=10"));
        foreach (var id in programmes)
            answers[$"GET /api/programmes/{id}/matches"] = await ReadAsync(await enterprise.GetAsync($"/api/programmes/{id}/matches?top=10"));
        foreach (var (body, i) in FreeTexts.Select((b, i) => (b, i)))
        {
            answers[$"POST /api/match #{i}"] = await ReadAsync(await enterprise.PostJsonAsync("/api/match", body));
            answers[$"POST /api/match/majors #{i}"] = await ReadAsync(await enterprise.PostJsonAsync("/api/match/majors", body));
        }

        if (Environment.GetEnvironmentVariable("CHAINLINK_WRITE_GOLDEN") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../Golden/matches.json"));
            await File.WriteAllTextAsync(source, answers.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            Assert.Fail($"Golden answers written to {source}; review the diff and run again without CHAINLINK_WRITE_GOLDEN.");
        }

        var golden = JsonNode.Parse(await File.ReadAllTextAsync(GoldenPath))!.AsObject();
        Assert.Equal(golden.Select(g => g.Key), answers.Select(a => a.Key));
        foreach (var (key, expected) in golden)
            AssertContains(expected, answers[key], key);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse((await response.JsonAsync(HttpStatusCode.OK)).GetRawText())!;

    /// <summary>Every value of <paramref name="expected"/> is in <paramref name="actual"/> at the same path (arrays: same length, in order).</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject o:
                Assert.True(actual is JsonObject, $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
                foreach (var (name, value) in o) AssertContains(value, actual![name], $"{path}.{name}");
                break;
            case JsonArray a:
                Assert.True(actual is JsonArray b && b.Count == a.Count, $"{path}: expected {a.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                for (var i = 0; i < a.Count; i++) AssertContains(a[i], actual![i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
