using System.Security.Claims;
using ChainLink.Api.Infrastructure;
using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Security;
using ChainLink.Infrastructure;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Persistence;
using ChainLink.Infrastructure.Seed;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Endpoints;

/// <summary>Self-registration creates the organisation and its first user; government and admin accounts are made by administrators.</summary>
public sealed record RegisterOrganisation(string Email, string Password, string OrganisationName, OrganisationKind Kind, string RegionCode, string? ContactPhone);

/// <summary>The same answer whether or not the e-mail was already registered, so registration does not reveal accounts.</summary>
public sealed record RegistrationAccepted(string Message);

public sealed record ChangePassword(string CurrentPassword, string NewPassword);

public sealed record DemoAccount(string Email, string Role);

public sealed record DemoAccounts(string Password, IReadOnlyList<DemoAccount> Accounts);

/// <param name="OrganisationStatusNote">Why nothing of a pending or rejected organisation is public; null once approved.</param>
/// <param name="OrganisationRegionCode">Where the organisation is registered: the web forms start from it (a new demand's region).</param>
public sealed record Me(Guid UserId, string Email, IReadOnlyList<string> Roles, Guid OrganisationId, string OrganisationName, OrganisationKind OrganisationKind,
    OrganisationStatus OrganisationStatus, string? OrganisationStatusNote, string OrganisationRegionCode);

internal sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MinimumLength(8).MaximumLength(128);
        RuleFor(x => x.OrganisationName).NotEmpty().MaximumLength(120).PlainText()
            .Must(n => n is null || OrganisationNameKey.Of(n).Length > 0).WithMessage("机构名称至少要有一个可见的字符。");
        RuleFor(x => x.Kind).Must(k => k is OrganisationKind.Enterprise or OrganisationKind.College)
            .WithMessage("只有企业和院校可以自行注册；政府和管理员账号由平台管理员创建。");
        RuleFor(x => x.RegionCode).NotEmpty().KnownRegion(taxonomy);
        RuleFor(x => x.ContactPhone).MaximumLength(40);
    }
}

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。").MaximumLength(128);
        RuleFor(x => x.NewPassword).NotEmpty().MinimumLength(8).MaximumLength(128).WithMessage("新密码长度须为 8–128 个字符。");
    }
}

internal static class AuthEndpoints
{
    private const string RegistrationMessage = "注册申请已受理。如果该邮箱此前没有注册过，账号已经建好，可以用它登录；如果已经注册过，请用原来的密码登录。";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");

        auth.MapPost("/register", Register).WithName("Register").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Register an enterprise or college with its first user; 202 with the same answer whether or not the e-mail was taken");
        auth.MapPost("/login", Login).Validate<LoginRequest>().WithName("Login").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in: returns a bearer accessToken (and refreshToken), or sets a cookie with ?useCookies=true");
        auth.MapPost("/refresh", Refresh).Validate<RefreshRequest>().WithName("Refresh").RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchange a refresh token for a new access token and a new refresh token; the old one is spent");
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("End this session: its cookie, access and refresh tokens").RequireAuthorization();
        auth.MapPost("/password", ChangePassword).WithName("ChangePassword").RequireRateLimiting(RateLimits.SignIn).RequireAuthorization()
            .WithSummary("Change the password; every session of the user ends, including this one (sign in again)");
        auth.MapGet("/demo-accounts", GetDemoAccounts).WithName("DemoAccounts")
            .WithSummary("The enterprise and college demo accounts and their password, for the sign-in page; 404 when the demo profile is off");
        auth.MapGet("/me", GetMe).WithName("Me").WithSummary("The signed-in user, roles and organisation").RequireAuthorization();
        return app;
    }

    /// <summary>Government and administrator demo accounts are never listed: their password is not the listed one.</summary>
    private static Results<Ok<DemoAccounts>, NotFound> GetDemoAccounts(IOptions<ChainLinkOptions> options) =>
        options.Value.Demo.Enabled
            ? TypedResults.Ok(new DemoAccounts(options.Value.Demo.Password, DemoSeeder.Accounts
                .Where(a => !DemoSeeder.IsPrivileged(a.Role)).Select(a => new DemoAccount(a.Email, a.Role)).ToList()))
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<RegistrationAccepted>, ProblemHttpResult, ValidationProblem, Conflict<string>>> Register(
        RegisterOrganisation request, IValidator<RegisterOrganisation> validator, HttpContext http, UserManager<AppUser> users, AppDbContext db,
        DecoyPassword decoy, AccountRateLimiter accounts, ISecurityEventLog events, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid) throw new ValidationException(validation.Errors);
        if (accounts.TryAcquire($"email:{request.Email}") is { } wait) return TypedResults.Problem(TooManyRequests.Problem(http, wait));
        // The password rules are checked before anything else, so a weak password gets the same 400 for a taken e-mail.
        var weak = new List<IdentityError>();
        foreach (var rule in users.PasswordValidators)
            weak.AddRange((await rule.ValidateAsync(users, new AppUser(), request.Password)).Errors);
        if (weak.Count > 0) throw IdentityFailure(IdentityResult.Failed([.. weak]));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organisation = Organisation.Register(Guid.CreateVersion7(), request.OrganisationName, request.Kind, request.RegionCode, request.Email, request.ContactPhone);
        if (await db.Organisations.AnyAsync(o => o.NameKey == organisation.NameKey || o.Name == organisation.Name, ct)) throw DuplicateName();
        if (await users.FindByEmailAsync(request.Email) is { } existing)
        {
            // Costs what creating the user costs (a password hash and a write), and answers the same.
            decoy.Hash(request.Password);
            await events.RecordAsync(SecurityEventKind.RegistrationWithExistingEmail, existing.Id, request.Email, existing.OrganisationId, null, ct);
            await tx.CommitAsync(ct);
            return TypedResults.Accepted((string?)null, new RegistrationAccepted(RegistrationMessage));
        }
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
        if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            // Registered by a concurrent request a moment ago: the same answer, and this organisation is not kept.
            await tx.RollbackAsync(ct);
            return TypedResults.Accepted((string?)null, new RegistrationAccepted(RegistrationMessage));
        }
        if (!created.Succeeded) throw IdentityFailure(created);
        var role = request.Kind == OrganisationKind.Enterprise ? Roles.Enterprise : Roles.College;
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) throw IdentityFailure(added);
        await events.RecordAsync(SecurityEventKind.Registered, user.Id, request.Email, organisation.Id, $"{role}: {organisation.Name}", ct);
        await tx.CommitAsync(ct);
        return TypedResults.Accepted((string?)null, new RegistrationAccepted(RegistrationMessage));
    }

    private static ConflictException DuplicateName() =>
        new("该机构名称已被注册（名称比较时不区分全角与半角、括号样式、空格和大小写）。");

    private static ValidationException IdentityFailure(IdentityResult result)
    {
        var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email";
        return new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
    }

    /// <summary>
    /// An unknown account and a wrong password get the same answer after the same work (a password hash). Failures slow
    /// down this address for this account (<see cref="SignInThrottle"/>); they never lock the account.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(
        LoginRequest login, bool? useCookies, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        SessionStore sessions, SignInThrottle throttle, DecoyPassword decoy, ISecurityEventLog events, CancellationToken ct)
    {
        var missing = new List<FluentValidation.Results.ValidationFailure>();
        if (string.IsNullOrWhiteSpace(login.Email) || login.Email.Length > 256) missing.Add(new("Email", "请输入邮箱（最长 256 个字符）。"));
        if (string.IsNullOrEmpty(login.Password) || login.Password.Length > 128) missing.Add(new("Password", "请输入密码（最长 128 个字符）。"));
        if (missing.Count > 0) throw new ValidationException(missing);
        var email = login.Email.Trim();
        var address = ClientAddress.Of(http);
        if (throttle.RetryAfter(address, email) is { } wait)
        {
            await events.RecordAsync(SecurityEventKind.SignInThrottled, null, email, null, null, ct);
            return TypedResults.Problem(TooManyRequests.Problem(http, wait));
        }

        var user = await users.FindByEmailAsync(email);
        var passwordMatches = false;
        if (user is null) decoy.Verify(login.Password);
        else passwordMatches = await users.CheckPasswordAsync(user, login.Password);
        if (user is null || !passwordMatches)
        {
            throttle.Failed(address, email);
            await events.RecordAsync(SecurityEventKind.SignInFailed, user?.Id, email, user?.OrganisationId, null, ct);
            return TypedResults.Problem("邮箱或密码错误。", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败。");
        }
        throttle.Succeeded(address, email);
        if (await users.IsLockedOutAsync(user))
        {
            await events.RecordAsync(SecurityEventKind.SignInFailed, user.Id, email, user.OrganisationId, "account disabled", ct);
            return TypedResults.Problem("该账号已被停用，请联系平台管理员。", statusCode: StatusCodes.Status403Forbidden, title: "账号已停用。");
        }

        var principal = await sessions.StartAsync(user, signIn, ct);
        await events.RecordAsync(SecurityEventKind.SignInSucceeded, user.Id, email, user.OrganisationId, useCookies == true ? "cookie" : "bearer", ct);
        // The bearer handler writes the access and refresh tokens; the cookie handler sets the cookie.
        return useCookies == true
            ? TypedResults.SignIn(principal, new AuthenticationProperties { IsPersistent = true }, IdentityConstants.ApplicationScheme)
            : TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>
    /// Only the newest refresh token of a session is accepted, once. An older one presented again means a copy is in
    /// someone else's hands: the whole session (every token descended from that sign-in) is revoked.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, HttpContext http, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, SignInManager<AppUser> signIn,
        SessionStore sessions, AccountRateLimiter accounts, ISecurityEventLog events, CancellationToken ct)
    {
        var refused = TypedResults.Problem("刷新令牌无效、已使用或已过期，请重新登录。", statusCode: StatusCodes.Status401Unauthorized, title: "刷新失败。");
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires) return refused;
        if (accounts.TryAcquire($"user:{ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)}") is { } wait)
            return TypedResults.Problem(TooManyRequests.Problem(http, wait));
        if (await sessions.ValidateAsync(ticket.Principal, ct) is not { } valid) return refused;
        var (user, session) = valid;
        if (SessionStore.RefreshTokenId(ticket.Principal) != session.CurrentRefreshTokenId)
        {
            sessions.Revoke(session, "refresh token reused");
            await events.RecordAsync(SecurityEventKind.RefreshTokenReused, user.Id, user.Email, user.OrganisationId, $"session {session.Id} revoked", ct);
            return refused;
        }
        try
        {
            var principal = await sessions.RotateAsync(user, session, signIn, ct);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request spent this refresh token a moment ago.
            return refused;
        }
    }

    private static async Task<NoContent> Logout(ClaimsPrincipal principal, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        SessionStore sessions, ISecurityEventLog events, CancellationToken ct)
    {
        await sessions.RevokeAsync(principal, "logout", ct);
        var user = await users.GetUserAsync(principal);
        await events.RecordAsync(SecurityEventKind.Logout, user?.Id, user?.Email, user?.OrganisationId, null, ct);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the user, this one included: the caller signs in again with the new password.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> ChangePassword(
        ChangePassword request, IValidator<ChangePassword> validator, ClaimsPrincipal principal, HttpContext http, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, SessionStore sessions, SignInThrottle throttle, ISecurityEventLog events, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid) throw new ValidationException(validation.Errors);
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var address = ClientAddress.Of(http);
        var account = user.Email ?? user.Id.ToString();
        if (throttle.RetryAfter(address, account) is { } wait) return TypedResults.Problem(TooManyRequests.Problem(http, wait));

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (changed.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            throttle.Failed(address, account);
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("CurrentPassword", "当前密码不正确。")]);
        }
        if (!changed.Succeeded)
            throw new ValidationException(changed.Errors.Select(e => new FluentValidation.Results.ValidationFailure("NewPassword", e.Description)));
        // ChangePasswordAsync renewed the security stamp, which already ends every token and cookie; the sessions are marked too.
        await sessions.RevokeAllAsync(user.Id, "password changed", ct);
        await events.RecordAsync(SecurityEventKind.PasswordChanged, user.Id, user.Email, user.OrganisationId, null, ct);
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
            organisation.Status, organisation.StatusNote, organisation.RegionCode));
    }
}
