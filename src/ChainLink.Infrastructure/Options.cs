using System.ComponentModel.DataAnnotations;
using ChainLink.Infrastructure.Seed;

namespace ChainLink.Infrastructure;

public sealed class ChainLinkOptions
{
    public const string Section = "ChainLink";

    /// <summary>Folder of the embedded profile's SQLite file (and, later, its search index).</summary>
    [Required] public string DataDirectory { get; set; } = "./data";

    /// <summary>The seed/ folder; by default the copy beside the binaries.</summary>
    public string? SeedDirectory { get; set; }

    public DemoOptions Demo { get; set; } = new();

    public string ResolvedSeedDirectory => SeedDirectory ?? Path.Combine(AppContext.BaseDirectory, "seed");
}

public sealed class DemoOptions
{
    /// <summary>Load the synthetic demo organisations, accounts, programmes and demands (the embedded default; off in production).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 1000)] public int Scale { get; set; } = 1;

    public int Seed { get; set; } = DemoDataGenerator.DefaultSeed;

    /// <summary>The quarter the demo history ends in; empty means the current quarter at first start.</summary>
    public string? AnchorQuarter { get; set; }

    /// <summary>The password of the enterprise and college demo accounts (the sign-in page lists them).</summary>
    [Required, MinLength(8)] public string Password { get; set; } = "Demo#2026";

    /// <summary>
    /// The password of the government and administrator demo accounts, never listed anywhere; empty means a random one
    /// is made when the demo data are created and written once to the start-up log.
    /// </summary>
    public string? PrivilegedPassword { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SqlServer; for Sqlite the default is a file in the data folder.</summary>
    public string? ConnectionString { get; set; }
}
