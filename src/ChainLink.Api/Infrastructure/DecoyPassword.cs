using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// A hash nobody knows the password of: sign-in checks the typed password against it when the account does not exist,
/// and registration hashes the typed password when the e-mail is taken, so both cost what the real path costs and the
/// time taken does not tell which accounts exist.
/// </summary>
internal sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    // Its own hasher with the options Identity's uses (same algorithm and iterations, hence the same cost): Identity
    // registers its hasher as scoped, which a singleton must not hold.
    private readonly PasswordHasher<AppUser> hasher = new(options);
    private readonly AppUser _nobody = new();
    private string? _hash;

    public void Verify(string password) =>
        hasher.VerifyHashedPassword(_nobody, _hash ??= hasher.HashPassword(_nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))), password);

    public void Hash(string password) => hasher.HashPassword(_nobody, password);
}
