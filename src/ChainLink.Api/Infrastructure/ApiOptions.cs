using System.Net;

namespace ChainLink.Api.Infrastructure;

/// <summary>How the API faces the network: what it exposes, whether it insists on HTTPS, which proxies it believes.</summary>
public sealed class ApiOptions
{
    public const string Section = "ChainLink:Api";

    /// <summary>Serve the OpenAPI document and the Scalar reference; on by default, off in appsettings.Production.json.</summary>
    public bool ExposeOpenApi { get; set; } = true;

    /// <summary>Redirect HTTP to HTTPS, send HSTS and mark cookies Secure; off by default, on in appsettings.Production.json.</summary>
    public bool RequireHttps { get; set; }

    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed; from nobody else (not even loopback).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such proxies.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    internal IEnumerable<IPAddress> ProxyAddresses => KnownProxies.Select(IPAddress.Parse);

    internal IEnumerable<IPNetwork> ProxyNetworks => KnownNetworks.Select(n => IPNetwork.Parse(n));

    internal static bool IsValid(ApiOptions o) =>
        o.KnownProxies.All(p => IPAddress.TryParse(p, out _)) && o.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)) && o.HstsMaxAge > TimeSpan.Zero;
}
