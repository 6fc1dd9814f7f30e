using ChainLink.Application.Common;

namespace ChainLink.Application.Dashboard;

/// <summary>
/// Who reads what of the dashboard and the graduate outcomes: government and administrators read everything; a college
/// or an enterprise reads its own organisation's figures and rows, and of everyone else only disclosed aggregates.
/// </summary>
internal static class DashboardAccess
{
    public static bool ReadsEverything(this ICurrentUser user) => user.IsInRole(Roles.Government) || user.IsInRole(Roles.Admin);

    public static bool IsCollege(this ICurrentUser user) => user.IsInRole(Roles.College);

    public static bool IsEnterprise(this ICurrentUser user) => user.IsInRole(Roles.Enterprise);
}
