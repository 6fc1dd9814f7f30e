using Microsoft.AspNetCore.Hosting;

namespace ChainLink.Api.Tests;

/// <summary>A second API instance on the database of another (its own data folder, hence its own search index and keys), as production runs several.</summary>
public sealed class SharedDatabaseApiFactory(string databaseFile) : ChainLinkApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", $"Data Source={databaseFile};Cache=Shared;Pooling=True");
    }
}
