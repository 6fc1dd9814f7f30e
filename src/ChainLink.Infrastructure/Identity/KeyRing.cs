using System.Security.Cryptography.X509Certificates;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Identity;

/// <summary>
/// Keys persist where the data does: the embedded profile keeps them in the data folder (<c>keys/</c>), SQL Server in
/// its DataProtectionKeys table, so a restart or redeploy keeps sign-ins valid and several instances share one ring.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "ChainLink";

    public static IServiceCollection AddChainLinkKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section))
            .Validate(KeyRingOptions.IsValid, "ChainLink:DataProtection:CertificatePath names a file that does not exist.")
            .ValidateOnStart();
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        // The repository depends on the database provider and data folder, which are known once options are bound.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = Repository(sp, sp.GetRequiredService<ILoggerFactory>())));
        var protection = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>();
        if (protection?.CertificatePath is { Length: > 0 } path && File.Exists(path))
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, protection.CertificatePassword));
        return services;
    }

    private static IXmlRepository Repository(IServiceProvider services, ILoggerFactory loggers) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.SqlServer
            ? new EntityFrameworkCoreXmlRepository<AppDbContext>(services, loggers)
            : new FileSystemXmlRepository(new DirectoryInfo(KeysDirectory(services.GetRequiredService<IOptions<ChainLinkOptions>>().Value)), loggers);

    public static string KeysDirectory(ChainLinkOptions options) => Path.Combine(options.DataDirectory, "keys");
}
