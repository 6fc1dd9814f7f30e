using ChainLink.Application.Common;
using Mediator;

namespace ChainLink.Application.Users;

/// <summary>An administrator enables a disabled account again; its user signs in anew.</summary>
public sealed record EnableUser(Guid Id) : ICommand<UserDto>;

internal sealed class EnableUserHandler(IUserAccounts accounts, ICurrentUser user) : ICommandHandler<EnableUser, UserDto>
{
    public async ValueTask<UserDto> Handle(EnableUser command, CancellationToken ct) =>
        await accounts.SetDisabledAsync(command.Id, disabled: false, user.RequireUserId(), ct) ?? throw new NotFoundException("用户", command.Id);
}
