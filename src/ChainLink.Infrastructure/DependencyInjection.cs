using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using ChainLink.Application.Dashboard;
using ChainLink.Application.Demands;
using ChainLink.Application.Matching;
using ChainLink.Application.WhitePapers;
using ChainLink.Application.Skills;
using ChainLink.Infrastructure.Cooperation;
using ChainLink.Infrastructure.Dashboard;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Outbox;
using ChainLink.Infrastructure.Persistence;
using ChainLink.Infrastructure.Search;
using ChainLink.Infrastructure.WhitePapers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrations = "ChainLink.Migrations.Sqlite";
    public const string SqlServerMigrations = "ChainLink.Migrations.SqlServer";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChainLinkOptions>().Bind(configuration.GetSection(ChainLinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer.")
            .ValidateOnStart();
        services.AddOptions<BarometerOptions>().Bind(configuration.GetSection(BarometerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BarometerOptions>, BarometerOptionsValidator>();
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddSingleton<IWhitePaperRenderer, WhitePaperRenderer>();
        services.AddOptions<DemandOptions>().Bind(configuration.GetSection(DemandOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemandExpiry>();
        services.AddHostedService<DemandExpiryService>();

        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var chainLink = sp.GetRequiredService<IOptions<ChainLinkOptions>>().Value;
            Configure(options, database, chainLink.DataDirectory);
            // Scoped like the context: the audit records the user of the request (none while seeding).
            options.AddInterceptors(new CooperationAuditInterceptor(sp.GetService<ICurrentUser>(), sp.GetRequiredService<TimeProvider>()));
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IDemandFactReader, DemandFactReader>();
        services.AddSingleton<ITaxonomyCache, TaxonomyCache>();
        services.AddScoped<ISkillVocabularySource, SkillVocabularySource>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddChainLinkKeyRing(configuration);
        services.AddSearch(configuration);
        services.AddSearchOutbox(configuration);
        return services;
    }

    /// <summary>Points EF Core at the chosen provider and that provider's own migrations assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string dataDirectory)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(database.ConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrations).EnableRetryOnFailure());
                break;
            default:
                var connection = database.ConnectionString;
                if (string.IsNullOrWhiteSpace(connection))
                {
                    Directory.CreateDirectory(dataDirectory);
                    connection = $"Data Source={Path.Combine(dataDirectory, "chainlink.db")};Cache=Shared;Pooling=True";
                }
                options.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(SqliteMigrations));
                break;
        }
    }
}

/// <summary>Names every wrong barometer setting at start.</summary>
internal sealed class BarometerOptionsValidator : IValidateOptions<BarometerOptions>
{
    public ValidateOptionsResult Validate(string? name, BarometerOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
