using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>The network-facing settings of <see cref="ApiOptions"/>: forwarded headers, HTTPS, HSTS, cookies, headers.</summary>
internal static class WebHardening
{
    public static IServiceCollection AddWebHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(ApiOptions.IsValid, "ChainLink:Api:KnownProxies must hold IP addresses and ChainLink:Api:KnownNetworks CIDR networks (e.g. 10.0.0.0/8); HstsMaxAge must be positive.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ApiOptions>>((o, api) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only the proxies named in configuration are believed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in api.Value.ProxyAddresses) o.KnownProxies.Add(address);
            foreach (var network in api.Value.ProxyNetworks) o.KnownIPNetworks.Add(network);
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ApiOptions>>((o, api) => o.MaxAge = api.Value.HstsMaxAge);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ApiOptions>>((o, api) => o.Cookie.SecurePolicy = api.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are corrected before anything reads them.</summary>
    public static WebApplication UseWebHardening(this WebApplication app)
    {
        var api = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (api.KnownProxies.Count > 0 || api.KnownNetworks.Count > 0) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (api.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<CrossSiteWriteGuard>();
        return app;
    }
}
