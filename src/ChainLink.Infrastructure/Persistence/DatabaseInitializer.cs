using System.Diagnostics;
using ChainLink.Application.Barometer;
using ChainLink.Application.Demands;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>At start: apply migrations, load the taxonomy, create roles and (in the demo profile) the demo data.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ChainLink.Startup");
        var options = sp.GetRequiredService<IOptions<ChainLinkOptions>>().Value;
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = Stopwatch.StartNew();

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var facts = await DemandFactBackfill.RunAsync(db, ct);
        if (facts > 0) log.LogInformation("Wrote the barometer facts of {Facts} demands stored before the facts existed.", facts);
        var keys = await OrganisationNameKeyBackfill.RunAsync(db, log, ct);
        if (keys > 0) log.LogInformation("Wrote the name keys of {Keys} organisations stored before names were compared normalised.", keys);

        var files = new SeedFiles(options.ResolvedSeedDirectory);
        var added = await TaxonomySeeder.SeedAsync(db, files, ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));

        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var chosen = options.Demo.PrivilegedPassword is { Length: > 0 };
        var privileged = chosen ? options.Demo.PrivilegedPassword! : DemoSeeder.NewPrivilegedPassword();
        var demo = options.Demo.Enabled && await DemoSeeder.SeedAsync(db, sp.GetRequiredService<UserManager<AppUser>>(), files, options.Demo, privileged, now, ct);
        if (demo && !chosen)
            log.LogWarning("Demo government and admin accounts were created with the password {Password} (random, shown only now; set ChainLink:Demo:PrivilegedPassword to choose one).", privileged);
        if (demo)
        {
            // The page has an edition to show on a fresh machine: the latest demo quarter that has ended.
            var lastEnded = Quarter.Of(now).AddQuarters(-1);
            var anchor = options.Demo.AnchorQuarter is { Length: > 0 } text ? Quarter.Parse(text) : lastEnded;
            var quarter = anchor < lastEnded ? anchor : lastEnded;
            // Demands the generator left past their needed-by quarter expire first, as the sweep would, so the demo
            // edition does not count them as open demand.
            await sp.GetRequiredService<DemandExpiry>().ExpireDueAsync(ct);
            await sp.GetRequiredService<EditionPublisher>().PublishAsync(quarter, null, null, ct);
        }
        sp.GetRequiredService<ITaxonomyCache>().Invalidate();
        var elapsed = clock.ElapsedMilliseconds;
        var demoState = demo ? "created" : "already present or disabled";
        log.LogInformation("Database ready in {Elapsed} ms: {Added} taxonomy rows added, demo data {Demo}.", elapsed, added, demoState);
    }
}
