using System.Net;
using System.Net.Http.Json;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeaderTests(ChainLinkApiFactory api)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/login.html")]
    [InlineData("/demands/new")]
    [InlineData("/api/taxonomy/clusters")]
    [InlineData("/api/demands")]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/map/summary?region=999999")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Only_the_scalar_reference_may_run_inline_script()
    {
        using var client = api.CreateClient();
        var scalar = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("script-src 'self' 'unsafe-inline'", Header(scalar, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(scalar, "Content-Security-Policy"), StringComparison.Ordinal);
        var page = await client.GetAsync("/map");
        Assert.DoesNotContain("'unsafe-inline' ", Header(page, "Content-Security-Policy").Split("style-src")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_cross_site_write_with_the_sign_in_cookie_is_forbidden(string header, string value)
    {
        using var browser = await CookieClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/demands") { Content = JsonContent.Create(DemandTests.ValidDemand(), options: Json) };
        request.Headers.Add(header, value);
        var problem = await (await browser.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Cookie", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_same_origin_write_with_the_cookie_and_a_cross_site_bearer_write_pass()
    {
        using var browser = await CookieClientAsync();
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/demands") { Content = JsonContent.Create(DemandTests.ValidDemand(), options: Json) };
        sameOrigin.Headers.Add("Origin", "http://localhost");
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        await (await browser.SendAsync(sameOrigin)).JsonAsync(HttpStatusCode.Created);

        var bearer = await api.ClientForAsync(Enterprise);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/demands") { Content = JsonContent.Create(DemandTests.ValidDemand(), options: Json) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        await (await bearer.SendAsync(crossSite)).JsonAsync(HttpStatusCode.Created);
    }

    private async Task<HttpClient> CookieClientAsync()
    {
        var client = api.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Enterprise, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
