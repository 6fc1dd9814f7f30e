using ChainLink.Domain.Demands;
using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChainLink.Infrastructure.Tests;

/// <summary>The production provider is checked without a server: model, migrations script and query translation.</summary>
public sealed class SqlServerModelTests
{
    private static AppDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        var connection = provider == DatabaseProvider.SqlServer ? "Server=unreachable.invalid;Database=ChainLink;Encrypt=False" : "Data Source=:memory:";
        DependencyInjection.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = connection }, Path.GetTempPath());
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_provider_has_migrations_matching_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration for {provider}.");
    }

    [Fact]
    public void SqlServer_migrations_script_creates_every_table_with_sql_server_types()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        foreach (var table in new[] { "Demands", "DemandSkills", "Programmes", "ProgrammeModules", "ProgrammeModuleSkills", "GraduateCohorts", "Skills", "Majors", "Occupations", "Regions", "AspNetUsers", "BarometerDemandFacts" })
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        Assert.Contains("uniqueidentifier", script, StringComparison.Ordinal);
        Assert.Contains("nvarchar(120)", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_demand_query_translates_for_sql_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var sql = db.Demands
            .Where(d => d.Status == DemandStatus.Open && d.RegionCode.StartsWith("15") && d.NeededBy >= new Domain.Common.Quarter(2026, 3))
            .Where(d => d.Skills.Any(s => s.SkillCode == "SK0073"))
            .OrderByDescending(d => d.UpdatedAt).Skip(20).Take(20)
            .ToQueryString();
        Assert.Contains("[NeededByQuarter] >= ", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE N'15%'", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET", sql, StringComparison.Ordinal);
        Assert.Contains("[DemandSkills]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Programme_search_by_taught_skill_translates_for_sql_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var sql = db.Programmes.Where(p => p.Modules.Any(m => m.Skills.Any(s => s.SkillCode == "SK0002")))
            .Select(p => new { p.Id, Graduates = p.Cohorts.Where(c => c.Year == 2026).Sum(c => c.Expected) })
            .ToQueryString();
        Assert.Contains("[ProgrammeModuleSkills]", sql, StringComparison.Ordinal);
        Assert.Contains("SUM(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Barometer_supply_queries_translate_for_sql_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var cohorts = Application.Barometer.BarometerSource.CohortRows(db, 2023, 2026).ToQueryString();
        Assert.Contains("[GraduateCohorts]", cohorts, StringComparison.Ordinal);
        Assert.Contains("COALESCE(", cohorts, StringComparison.Ordinal);
        var skills = Application.Barometer.BarometerSource.TaughtSkillRows(db).ToQueryString();
        Assert.Contains("[ProgrammeModuleSkills]", skills, StringComparison.Ordinal);
    }

    [Fact]
    public void Barometer_fact_queries_translate_for_sql_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        List<Guid> ids = [Guid.NewGuid(), Guid.NewGuid()];
        var stored = db.DemandFacts.Where(f => ids.Contains(f.DemandId)).ToQueryString();
        Assert.Contains("[BarometerDemandFacts]", stored, StringComparison.Ordinal);
        var missing = DemandFactBackfill.Missing(db, Guid.NewGuid()).ToQueryString();
        Assert.Contains("NOT EXISTS", missing, StringComparison.Ordinal);
        Assert.Contains("[d].[Id] > @", missing, StringComparison.Ordinal);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE UNIQUE INDEX [IX_BarometerDemandFacts_DemandId]", script, StringComparison.Ordinal);
        Assert.Contains("REFERENCES [Demands] ([Id]) ON DELETE CASCADE", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Outbox_due_rows_query_translates_for_sql_server()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var sql = Infrastructure.Outbox.OutboxDispatcher.Due(db.OutboxMessages, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc)).Select(m => m.Id).Take(100).ToQueryString();
        Assert.Contains("[OutboxMessages]", sql, StringComparison.Ordinal);
        Assert.Contains("[ProcessedAt] IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [o].[Id]", sql, StringComparison.Ordinal);
    }
}
