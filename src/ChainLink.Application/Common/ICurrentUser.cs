namespace ChainLink.Application.Common;

public static class Roles
{
    public const string Enterprise = nameof(Enterprise);
    public const string College = nameof(College);
    public const string Government = nameof(Government);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Enterprise, College, Government, Admin];
}

/// <summary>Who sends the current request.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    Guid? OrganisationId { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthenticatedException();

    public static Guid RequireOrganisationId(this ICurrentUser user) =>
        user.OrganisationId ?? throw new ForbiddenException("您的账号不属于任何机构。");

    /// <summary>Only the owning organisation may change a record.</summary>
    public static void EnsureOwns(this ICurrentUser user, Guid ownerOrganisationId, string what)
    {
        if (user.OrganisationId != ownerOrganisationId)
            throw new ForbiddenException($"该{what}属于其他机构，只有所属机构可以修改。");
    }
}
