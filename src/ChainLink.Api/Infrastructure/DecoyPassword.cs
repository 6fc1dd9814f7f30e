using ChainLink.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// A hash nobody knows the password of: sign-in checks the typed password against it when the account does not exist,
/// and registration hashes the typed password when the e-mail is taken, so both cost what the real path costs and the
/// time taken does not tell which accounts exist.
/// </summary>
internal sealed class DecoyPassword(IPasswordHasher<AppUser> hasher)
{
    private readonly AppUser _nobody = new();
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public void Verify(string password) => hasher.VerifyHashedPassword(_nobody, _hash.Value, password);

    public void Hash(string password) => hasher.HashPassword(_nobody, password);
}
