using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Organisations;

/// <summary>
/// Which organisations the caller may review: an administrator every one, a government user those located in its own
/// organisation's region (a province covers its prefectures, the rule of <see cref="RegionFilter"/>). The endpoint's
/// policy has already admitted only these two roles.
/// </summary>
internal static class OrganisationReviewers
{
    public static async Task<IQueryable<Organisation>> ReviewableAsync(IAppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return db.Organisations;
        var own = user.RequireOrganisationId();
        var region = await db.Organisations.Where(o => o.Id == own).Select(o => o.RegionCode).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("您的账户不属于任何机构，不能审核机构。");
        return db.Organisations.InRegion(o => o.RegionCode, region);
    }

    /// <summary>The organisation to approve or reject, tracked; 404 if unknown, 403 if outside the caller's region.</summary>
    public static async Task<Organisation> FindAsync(IAppDbContext db, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException($"机构“{id}”不存在。");
        var reviewable = await ReviewableAsync(db, user, ct);
        if (!await reviewable.AnyAsync(o => o.Id == id, ct))
            throw new ForbiddenException("该机构不在您所在地区的管辖范围内：只有管理员或该机构所在地区的政府用户可以审核它。");
        return organisation;
    }
}
