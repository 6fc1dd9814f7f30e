using ChainLink.Application.Common;
using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

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
    public const string ReadSecurityEvents = "SecurityEvents.Read";
    public const string AdministerUsers = "Users.Administer";
    public const string TakePartInCooperation = "Cooperation.TakePart";
    public const string WriteTechnologyNeeds = "TechnologyNeeds.Write";
    public const string ReportGraduateOutcomes = "GraduateOutcomes.Report";

    public static IServiceCollection AddChainLinkAuth(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddChainLinkIdentityStores();
        // Wrong passwords never lock an account (sign-in checks passwords without counting failures; SignInThrottle
        // slows the address instead); a lockout end date is only set by an administrator, and it disables the account.
        services.AddChainLinkSessions();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = ValidateBearerAsync);
        services.ConfigureApplicationCookie(o =>
        {
            // API callers get status codes, not redirects to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            // Every request, not Identity's 30-minute interval: a logged-out or replayed cookie stops at once.
            o.Events.OnValidatePrincipal = async c =>
            {
                var sessions = c.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                if (c.Principal is null || await sessions.ValidateAsync(c.Principal, c.HttpContext.RequestAborted) is null)
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteDemands, p => p.RequireRole(Roles.Enterprise).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteProgrammes, p => p.RequireRole(Roles.College).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteResources, p => p.RequireRole(Roles.College, Roles.Enterprise).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(CurateTaxonomy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(PublishBarometer, p => p.RequireRole(Roles.Government, Roles.Admin))
            .AddPolicy(AdministerSearch, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ReviewOrganisations, p => p.RequireRole(Roles.Government, Roles.Admin))
            .AddPolicy(ReadSecurityEvents, p => p.RequireRole(Roles.Admin))
            .AddPolicy(AdministerUsers, p => p.RequireRole(Roles.Admin))
            .AddPolicy(TakePartInCooperation, p => p.RequireRole(Roles.Enterprise, Roles.College).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(WriteTechnologyNeeds, p => p.RequireRole(Roles.Enterprise).RequireClaim(ChainLinkClaims.Organisation))
            .AddPolicy(ReportGraduateOutcomes, p => p.RequireRole(Roles.College).RequireClaim(ChainLinkClaims.Organisation));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }

    /// <summary>
    /// The bearer handler only checks a token's signature and expiry; this adds the session check the cookie has, so
    /// a token stops working when its session is revoked (logout, refresh-token reuse), the password changes or the
    /// account is disabled. Tokens it cannot read are left to the handler, which rejects them.
    /// </summary>
    private static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        const string prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[prefix.Length..].Trim());
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (await sessions.ValidateAsync(ticket.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.Fail("The session has ended.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
