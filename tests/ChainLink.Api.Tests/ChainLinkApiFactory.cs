using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainLink.Api.Tests;

/// <summary>
/// Starts the real API (migrations, seed, demo data) on its own SQLite file in a fresh temporary folder,
/// and hands out clients signed in as the demo accounts.
/// </summary>
public class ChainLinkApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo#2026";
    public const string Enterprise = "enterprise@demo.chainlink.cn";
    public const string Enterprise2 = "enterprise2@demo.chainlink.cn";
    public const string College = "college@demo.chainlink.cn";
    public const string College2 = "college2@demo.chainlink.cn";
    public const string Government = "government@demo.chainlink.cn";
    public const string Admin = "admin@demo.chainlink.cn";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>A fresh folder per factory unless a test restarts the API on an existing one.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "chainlink-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChainLink:DataDirectory", DataDirectory);
        builder.UseSetting("ChainLink:Demo:Enabled", "true");
    }

    public Task InitializeAsync()
    {
        // Touching Services starts the host, which migrates and seeds before the first test runs.
        _ = Services;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async Task<HttpClient> ClientForAsync(string email, string password = Password)
    {
        if (!_tokens.TryGetValue(email, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            token = body.GetProperty("accessToken").GetString()!;
            _tokens[email] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs a query against the database file directly, to check what a request did or did not write.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ChainLinkApiFactory>
{
    public const string Name = "api";
}
