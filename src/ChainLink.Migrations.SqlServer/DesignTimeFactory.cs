using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChainLink.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SqlServer without starting the API; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=localhost;Database=ChainLink;Trusted_Connection=False;Encrypt=False" }, ".");
        return new AppDbContext(options.Options);
    }
}
