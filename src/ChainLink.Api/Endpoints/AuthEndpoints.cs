using System.Security.Claims;
using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Persistence;
using ChainLink.Infrastructure.Seed;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Endpoints;

/// <summary>Self-registration creates the organisation and its first user; government and admin accounts are made by administrators.</summary>
public sealed record RegisterOrganisation(string Email, string Password, string OrganisationName, OrganisationKind Kind, string RegionCode, string? ContactPhone);

public sealed record DemoAccount(string Email, string Role);

public sealed record DemoAccounts(string Password, IReadOnlyList<DemoAccount> Accounts);

/// <param name="OrganisationStatusNote">Why nothing of a pending or rejected organisation is public; null once approved.</param>
public sealed record Me(Guid UserId, string Email, IReadOnlyList<string> Roles, Guid OrganisationId, string OrganisationName, OrganisationKind OrganisationKind,
    OrganisationStatus OrganisationStatus, string? OrganisationStatusNote);

internal sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MinimumLength(8).MaximumLength(128);
        RuleFor(x => x.OrganisationName).NotEmpty().MaximumLength(120)
            .Must(n => n is null || OrganisationNameKey.Of(n).Length > 0).WithMessage("机构名称至少要有一个可见的字符。");
        RuleFor(x => x.Kind).Must(k => k is OrganisationKind.Enterprise or OrganisationKind.College)
            .WithMessage("Only enterprises and colleges register themselves; government and admin accounts are created by administrators.");
        RuleFor(x => x.RegionCode).NotEmpty().KnownRegion(taxonomy);
        RuleFor(x => x.ContactPhone).MaximumLength(40);
    }
}

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");

        auth.MapPost("/register", Register).WithName("Register").WithSummary("Register an enterprise or college with its first user");
        auth.MapPost("/login", Login).WithName("Login")
            .WithSummary("Sign in: returns a bearer accessToken (and refreshToken), or sets a cookie with ?useCookies=true");
        auth.MapPost("/refresh", Refresh).WithName("Refresh").WithSummary("Exchange a refresh token for a new access token");
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("End a cookie session").RequireAuthorization();
        auth.MapGet("/demo-accounts", GetDemoAccounts).WithName("DemoAccounts")
            .WithSummary("The demo accounts and their password, for the sign-in page; 404 when the demo profile is off");
        auth.MapGet("/me", GetMe).WithName("Me").WithSummary("The signed-in user, roles and organisation").RequireAuthorization();
        return app;
    }

    private static Results<Ok<DemoAccounts>, NotFound> GetDemoAccounts(IOptions<ChainLinkOptions> options) =>
        options.Value.Demo.Enabled
            ? TypedResults.Ok(new DemoAccounts(options.Value.Demo.Password, DemoSeeder.Accounts.Select(a => new DemoAccount(a.Email, a.Role)).ToList()))
            : TypedResults.NotFound();

    private static async Task<Results<Created<Me>, ValidationProblem, Conflict<string>>> Register(
        RegisterOrganisation request, IValidator<RegisterOrganisation> validator, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid) throw new ValidationException(validation.Errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organisation = Organisation.Register(Guid.CreateVersion7(), request.OrganisationName, request.Kind, request.RegionCode, request.Email, request.ContactPhone);
        if (await db.Organisations.AnyAsync(o => o.NameKey == organisation.NameKey || o.Name == organisation.Name, ct)) throw DuplicateName();
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Only the unique name indexes can fail here: the same name was registered a moment earlier.
            throw DuplicateName();
        }

        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = request.Email, Email = request.Email, OrganisationId = organisation.Id, DisplayName = organisation.Name };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) throw IdentityFailure(created);
        var role = request.Kind == OrganisationKind.Enterprise ? Roles.Enterprise : Roles.College;
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) throw IdentityFailure(added);
        await tx.CommitAsync(ct);
        return TypedResults.Created("/api/auth/me", new Me(user.Id, request.Email, [role], organisation.Id, organisation.Name, organisation.Kind,
            organisation.Status, organisation.StatusNote));
    }

    private static ConflictException DuplicateName() =>
        new("该机构名称已被注册（名称比较时不区分全角与半角、括号样式、空格和大小写）。");

    private static Exception IdentityFailure(IdentityResult result)
    {
        var duplicate = result.Errors.FirstOrDefault(e => e.Code is "DuplicateUserName" or "DuplicateEmail");
        if (duplicate is not null) return new ConflictException(duplicate.Description);
        var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email";
        return new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest login, bool? useCookies, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: useCookies == true, lockoutOnFailure: true);
        if (!result.Succeeded)
            return TypedResults.Problem(result.IsLockedOut ? "Too many failed attempts; the account is locked for a while." : "E-mail or password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
        // The bearer handler (or the cookie handler) has already written the token or the cookie.
        return TypedResults.Empty;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, SignInManager<AppUser> signIn)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Problem("The refresh token is invalid or has expired; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(ClaimsPrincipal principal, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var organisation = await db.Organisations.FindAsync([user.OrganisationId], ct);
        if (organisation is null) return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new Me(user.Id, user.Email ?? "", [.. roles], organisation.Id, organisation.Name, organisation.Kind,
            organisation.Status, organisation.StatusNote));
    }
}
