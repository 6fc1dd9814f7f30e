using ChainLink.Application.Common;
using FluentValidation;
using Mediator;

namespace ChainLink.Application.Users;

/// <summary>Accounts by e-mail; <see cref="Q"/> searches e-mail, display name and organisation name.</summary>
public sealed record ListUsers(string? Q, Guid? Organisation, bool? Disabled, int PageNumber = 1, int PageSize = 50)
    : IQuery<Page<UserDto>>, IPagedQuery
{
    public const int MaxQueryLength = 100;
}

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(x => x.Q).MaximumLength(ListUsers.MaxQueryLength);
        this.AddPagingRules();
    }
}

internal sealed class ListUsersHandler(IUserAccounts accounts) : IQueryHandler<ListUsers, Page<UserDto>>
{
    public async ValueTask<Page<UserDto>> Handle(ListUsers query, CancellationToken ct) => await accounts.ListAsync(query, ct);
}
