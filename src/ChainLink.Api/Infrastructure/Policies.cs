using ChainLink.Application.Common;
using ChainLink.Infrastructure.Identity;

namespace ChainLink.Api.Infrastructure;

/// <summary>Authorisation policies, named after what they protect.</summary>
internal static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string WriteDemands = "Demands.Write";
    public const string WriteProgrammes = "Programmes.Write";
    public const string CurateTaxonomy = "Taxonomy.Curate";
    public const string PublishBarometer = "Barometer.Publish";
    public const string WriteResources = "Resources.Write";
    public const string AdministerSearch = "Search.Administer";
    public const string ReviewOrganisations = "Organisations.Review";

    public static IServiceCollection AddChainLinkAuth(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddChainLinkIdentityStores();
        services.ConfigureApplicationCookie(o =>
        {
            // API callers get status codes, not redirects to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteDemands, p => p.RequireRole(Roles.Enterprise).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteProgrammes, p => p.RequireRole(Roles.College).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteResources, p => p.RequireRole(Roles.College, Roles.Enterprise).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(CurateTaxonomy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(PublishBarometer, p => p.RequireRole(Roles.Government, Roles.Admin))
            .AddPolicy(AdministerSearch, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ReviewOrganisations, p => p.RequireRole(Roles.Government, Roles.Admin));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }
}
