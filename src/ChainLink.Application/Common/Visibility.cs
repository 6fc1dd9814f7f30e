using System.Linq.Expressions;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;

namespace ChainLink.Application.Common;

/// <summary>
/// The one rule of who sees an organisation's records: the organisation itself always; everyone else only its public
/// records — those of an approved organisation (a pending or rejected one prepares data nobody else sees), and of its
/// demands only those that are not drafts. Lists, lookups, matching, the map and the barometer's sources all read
/// through here; <paramref name="viewer"/> null reads as an outsider (anonymous, or a statistic for everyone).
/// </summary>
public static class Visibility
{
    /// <summary>Rows of <typeparamref name="T"/> that <paramref name="viewer"/> may see, the owner read by <paramref name="ownerOf"/>.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, Expression<Func<T, Guid>> ownerOf, IAppDbContext db, Guid? viewer)
    {
        var publicOwners = db.Organisations.Public().Select(o => o.Id);
        Expression<Func<Guid, bool>> visible = owner => owner == viewer || publicOwners.Contains(owner);
        var body = new Substitute(visible.Parameters[0], ownerOf.Body).Visit(visible.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, ownerOf.Parameters));
    }

    /// <summary>Demands <paramref name="viewer"/> may see: drafts are private to their enterprise as well.</summary>
    public static IQueryable<Demand> VisibleTo(this IQueryable<Demand> demands, IAppDbContext db, Guid? viewer) =>
        demands.Where(d => d.Status != DemandStatus.Draft || d.OrganisationId == viewer).VisibleTo(d => d.OrganisationId, db, viewer);

    /// <summary>Organisations whose records everyone may see.</summary>
    public static IQueryable<Organisation> Public(this IQueryable<Organisation> organisations) => organisations.Where(IsPublic);

    /// <summary>Organisations whose records only they see (the barometer leaves their facts out).</summary>
    public static IQueryable<Organisation> NotPublic(this IQueryable<Organisation> organisations) =>
        organisations.Where(Expression.Lambda<Func<Organisation, bool>>(Expression.Not(IsPublic.Body), IsPublic.Parameters));

    private static readonly Expression<Func<Organisation, bool>> IsPublic = o => o.Status == OrganisationStatus.Approved;

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
