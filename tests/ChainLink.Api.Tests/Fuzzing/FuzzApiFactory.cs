using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>The real API on its own data folder, with the server's errors kept per fuzz case.</summary>
internal sealed class FuzzApiFactory : ChainLinkApiFactory
{
    private readonly HttpContextAccessor _http = new();

    public ServerErrorLog Errors { get; }

    public FuzzApiFactory() => Errors = new ServerErrorLog(_http);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services => services.AddSingleton<IHttpContextAccessor>(_http));
    }

    /// <summary>A client that keeps no cookies (a fuzzed sign-in must not turn the anonymous client into a signed-in one).</summary>
    public HttpClient Client(string? bearer)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(30);
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }
}
