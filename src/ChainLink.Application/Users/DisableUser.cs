using ChainLink.Application.Common;
using Mediator;

namespace ChainLink.Application.Users;

/// <summary>An administrator disables an account: it can no longer sign in and its sessions end at once.</summary>
public sealed record DisableUser(Guid Id) : ICommand<UserDto>;

internal sealed class DisableUserHandler(IUserAccounts accounts, ICurrentUser user) : ICommandHandler<DisableUser, UserDto>
{
    public async ValueTask<UserDto> Handle(DisableUser command, CancellationToken ct)
    {
        var me = user.RequireUserId();
        // An administrator locked out by their own hand could leave the platform with nobody to enable them again.
        if (command.Id == me) throw new ConflictException("不能停用自己的账号；如确需停用，请由另一位管理员操作。");
        return await accounts.SetDisabledAsync(command.Id, disabled: true, me, ct) ?? throw new NotFoundException("用户", command.Id);
    }
}
