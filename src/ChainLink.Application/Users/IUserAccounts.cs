using ChainLink.Application.Common;

namespace ChainLink.Application.Users;

/// <summary>Port: the accounts (Identity's users) for administration.</summary>
public interface IUserAccounts
{
    Task<Page<UserDto>> ListAsync(ListUsers query, CancellationToken ct);

    /// <summary>
    /// Disables the account (every session ends at once, its cookies and tokens stop working) or enables it again, and
    /// records a security event naming <paramref name="byUserId"/>. Null when there is no such user.
    /// </summary>
    Task<UserDto?> SetDisabledAsync(Guid userId, bool disabled, Guid byUserId, CancellationToken ct);
}
