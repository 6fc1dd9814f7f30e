using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChainLink.Api.Tests;

/// <summary>The API serves the web application (wwwroot, built from frontend/) beside its own routes.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class WebAppHostingTests(ChainLinkApiFactory api)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/demands/new")]
    [InlineData("/barometer")]
    public async Task A_route_of_the_web_application_opens_its_page_and_is_revalidated_on_every_load(string path)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\"></div>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_hashed_script_of_the_application_is_cached_for_a_year()
    {
        using var client = api.CreateClient();
        var index = await client.GetStringAsync("/");
        var script = ScriptSource().Match(index).Groups[1].Value;
        Assert.StartsWith("/assets/", script, StringComparison.Ordinal);

        var response = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api")]
    [InlineData("/api/demands/not-a-guid/matches")]
    public async Task An_unknown_api_route_is_a_404_problem_not_the_application(string path)
    {
        using var client = api.CreateClient();
        await (await client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_not_the_application()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/assets/no-such-file.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login.html?returnUrl=%2Fbarometer.html", "/login?returnUrl=%2Fbarometer.html")]
    [InlineData("/map.html", "/map")]
    [InlineData("/barometer.html?quarter=2026Q1", "/barometer?quarter=2026Q1")]
    public async Task A_bookmark_of_a_replaced_page_redirects_to_its_route(string bookmark, string route)
    {
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(bookmark);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(route, response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
