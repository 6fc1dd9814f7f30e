using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

public sealed class ProductionSettingsTests(HardenedApiFactory api) : IClassFixture<HardenedApiFactory>
{
    private HttpClient Client(string baseAddress) =>
        api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task OpenApi_and_scalar_are_off_unless_configured(string url)
    {
        using var client = Client("https://chainlink.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Http_is_redirected_to_https_which_sends_hsts()
    {
        using var http = Client("http://chainlink.example");
        var redirect = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://chainlink.example/health", redirect.Headers.Location?.ToString());

        using var https = Client("https://chainlink.example");
        var ok = await https.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", ok.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_proxy_are_ignored()
    {
        using var http = Client("http://chainlink.example");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site()
    {
        using var https = Client("https://chainlink.example");
        var login = await https.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Enterprise, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start()
    {
        await using var api = new MisconfiguredApiFactory();
        var failure = Assert.ThrowsAny<Exception>(() => api.Services);
        Assert.Contains("KnownProxies", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class MisconfiguredApiFactory : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ChainLink:Api:KnownProxies:0", "the-load-balancer");
        }
    }
}
