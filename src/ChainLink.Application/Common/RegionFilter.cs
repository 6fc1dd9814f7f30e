using System.Linq.Expressions;

namespace ChainLink.Application.Common;

public static class RegionFilter
{
    private static readonly System.Reflection.MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>Rows located in <paramref name="region"/>; a province code (xx0000) covers all its prefectures.</summary>
    public static IQueryable<T> InRegion<T>(this IQueryable<T> query, Expression<Func<T, string>> regionOf, string region)
    {
        var isProvince = region.EndsWith("0000", StringComparison.Ordinal);
        // Captured in a closure, so EF Core sends the value as a parameter rather than a literal.
        var holder = new { Value = isProvince ? region[..2] : region };
        var value = Expression.Property(Expression.Constant(holder), nameof(holder.Value));
        Expression test = isProvince ? Expression.Call(regionOf.Body, StartsWith, value) : Expression.Equal(regionOf.Body, value);
        return query.Where(Expression.Lambda<Func<T, bool>>(test, regionOf.Parameters));
    }
}
