using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChainLink.Api.Tests;

/// <summary>
/// The web client's types are generated from a committed copy of the OpenAPI document (frontend/openapi.json); this
/// test fails when the API has moved on, so the pages never compile against routes or fields that are gone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSnapshotTests(ChainLinkApiFactory api)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_web_client_snapshot_matches_the_live_OpenAPI_document()
    {
        using var client = api.CreateClient();
        var live = Normalise(JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync()));
        var frontend = Path.Combine(RepositoryRoot(), "src", "ChainLink.Api", "frontend");
        var snapshot = Normalise(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(frontend, "openapi.json"))));

        if (JsonNode.DeepEquals(live, snapshot)) return;
        var written = Path.Combine(frontend, "openapi.live.json");
        await File.WriteAllTextAsync(written, live!.ToJsonString(Indented) + "\n");
        Assert.Fail($"frontend/openapi.json is out of date with the API. The live document is in {written}: run scripts/update-openapi.sh, then build, and commit openapi.json.");
    }

    /// <summary>The servers list names whichever host answered; it is no part of the contract.</summary>
    private static JsonNode? Normalise(JsonNode? document)
    {
        Assert.NotNull(document);
        document.AsObject().Remove("servers");
        return document;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChainLink.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ChainLink.sln not found above " + AppContext.BaseDirectory);
    }
}
