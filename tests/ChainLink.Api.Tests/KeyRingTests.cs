using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>Data Protection keys live in the data folder, so sign-ins survive a restart.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_signs_in_after_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chainlink-tests", Guid.NewGuid().ToString("N"));
        string cookie;
        await using (var first = new ChainLinkApiFactory { DataDirectory = directory })
        {
            await first.InitializeAsync();
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Enterprise, password = Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(directory, "keys"), "key-*.xml"));

        await using var second = new ChainLinkApiFactory { DataDirectory = directory };
        await second.InitializeAsync();
        using var again = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        var me = await (await again.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Enterprise, me.GetProperty("email").GetString());
    }
}
