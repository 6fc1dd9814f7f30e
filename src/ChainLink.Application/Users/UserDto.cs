using ChainLink.Domain.Organisations;

namespace ChainLink.Application.Users;

/// <summary>An account as an administrator sees it.</summary>
/// <param name="LastSignInAt">The last successful sign-in the security log holds, if any (UTC).</param>
public sealed record UserDto(
    Guid Id,
    string Email,
    string DisplayName,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind OrganisationKind,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTime? LastSignInAt);
