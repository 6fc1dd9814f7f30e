using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Common;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public interface IPagedQuery
{
    int PageNumber { get; }
    int PageSize { get; }
}

public static class Paging
{
    public const int MaxPageSize = 200;

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((paging.PageNumber - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(ct);
        return new Page<T>(items, paging.PageNumber, paging.PageSize, total);
    }

    public static void AddPagingRules<T>(this AbstractValidator<T> validator) where T : IPagedQuery
    {
        validator.RuleFor(q => q.PageNumber).InclusiveBetween(1, 100_000).OverridePropertyName("page");
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize");
    }
}
