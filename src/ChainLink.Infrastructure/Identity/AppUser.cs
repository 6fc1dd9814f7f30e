using System.Security.Claims;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainLink.Infrastructure.Identity;

/// <summary>A person who signs in; belongs to exactly one organisation.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }
    public string DisplayName { get; set; } = "";
}

public static class ChainLinkClaims
{
    public const string Organisation = "chainlink:org";

    /// <summary>The sign-in session (<see cref="UserSession"/>) a token or cookie belongs to.</summary>
    public const string Session = "chainlink:sid";

    /// <summary>The id of the refresh token issued with this principal; only the session's current one refreshes.</summary>
    public const string RefreshToken = "chainlink:rt";
}

/// <summary>Puts the user's organisation into the principal, so bearer tokens and cookies carry it.</summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ChainLinkClaims.Organisation, user.OrganisationId.ToString()));
        return identity;
    }
}

/// <summary>Identity's tables live in the same database (and transaction) as the write model.</summary>
public static class IdentityStore
{
    public static IdentityBuilder AddChainLinkIdentityStores(this IdentityBuilder builder) =>
        builder.AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

    /// <summary>Sessions, the security log and the accounts' administration, used by the sign-in and admin endpoints and by anyone who records an event.</summary>
    public static IServiceCollection AddChainLinkSessions(this IServiceCollection services) =>
        services.AddScoped<SessionStore>().AddScoped<Application.Common.ISecurityEventLog, SecurityEventLog>()
            .AddScoped<Application.Users.IUserAccounts, UserAccounts>();
}
