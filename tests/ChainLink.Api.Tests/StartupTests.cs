using System.Net;
using ChainLink.Domain.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Api.Tests;

public sealed class StartupTests
{
    /// <summary>`dotnet run` starts in Development, where the host checks every service's lifetime at build time.</summary>
    private sealed class DevelopmentApiFactory : ChainLinkApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("ChainLink:Demo:PrivilegedPassword", Password);
        }
    }

    [Fact]
    public async Task The_api_starts_in_development_where_service_lifetimes_are_validated()
    {
        await using var api = new DevelopmentApiFactory();
        await api.InitializeAsync();
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await (await client.PostJsonAsync("/api/auth/login", new { email = "nobody@example.cn", password = "Wrong#Pass1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_openapi_and_api_reference_answer()
    {
        await using var api = new ChainLinkApiFactory();
        await api.InitializeAsync();
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var openApi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/demands", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar")).StatusCode);
    }

    [Fact]
    public async Task Demo_data_set_has_the_promised_size()
    {
        await using var api = new ChainLinkApiFactory();
        await api.InitializeAsync();
        var counts = await api.QueryAsync(async db => new
        {
            Enterprises = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Enterprise),
            Colleges = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.College),
            Programmes = await db.Programmes.CountAsync(),
            Demands = await db.Demands.CountAsync(),
            Regions = await db.Demands.Select(d => d.RegionCode).Distinct().CountAsync(),
            Quarters = await db.Demands.Select(d => d.CreatedAt).ToListAsync(),
        });
        Assert.True(counts.Enterprises >= 40);
        Assert.True(counts.Colleges >= 15);
        Assert.True(counts.Programmes >= 120);
        Assert.True(counts.Demands >= 1500);
        Assert.Equal(12, counts.Regions);
        Assert.Equal(12, counts.Quarters.Select(t => Domain.Common.Quarter.Of(new DateTimeOffset(t))).Distinct().Count());
    }

    [Fact]
    public async Task Second_start_on_the_same_data_folder_duplicates_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chainlink-tests", Guid.NewGuid().ToString("N"));
        async Task<int[]> CountsAfterStartAsync()
        {
            await using var api = new ChainLinkApiFactory { DataDirectory = directory };
            await api.InitializeAsync();
            return await api.QueryAsync(async db => new[]
            {
                await db.Regions.CountAsync(), await db.Majors.CountAsync(), await db.Occupations.CountAsync(), await db.Skills.CountAsync(),
                await db.SkillAliases.CountAsync(), await db.MajorSkills.CountAsync(), await db.OccupationSkills.CountAsync(),
                await db.MajorOccupations.CountAsync(), await db.Organisations.CountAsync(), await db.Programmes.CountAsync(),
                await db.Demands.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync(),
            });
        }

        var first = await CountsAfterStartAsync();
        var second = await CountsAfterStartAsync();
        Assert.Equal(first, second);
        Assert.All(first, count => Assert.True(count > 0));
    }
}
