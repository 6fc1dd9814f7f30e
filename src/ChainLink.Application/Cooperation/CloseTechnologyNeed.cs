using ChainLink.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

public sealed record CloseTechnologyNeed(Guid Id, int Version) : ICommand<TechnologyNeedDto>;

internal sealed class CloseTechnologyNeedValidator : AbstractValidator<CloseTechnologyNeed>
{
    public CloseTechnologyNeedValidator() => RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
}

internal sealed class CloseTechnologyNeedHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseTechnologyNeed, TechnologyNeedDto>
{
    public async ValueTask<TechnologyNeedDto> Handle(CloseTechnologyNeed command, CancellationToken ct)
    {
        var need = await db.TechnologyNeeds.VisibleTo(n => n.OrganisationId, db, user.OrganisationId).FirstOrDefaultAsync(n => n.Id == command.Id, ct)
            ?? throw new NotFoundException("找不到该技术需求。");
        if (need.OrganisationId != user.OrganisationId) throw new ForbiddenException("该技术需求属于其他机构，只有发布的企业可以关闭。");
        db.ExpectVersion(need, need.Version, command.Version, "该技术需求");
        need.Close(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var name = await db.Organisations.Where(o => o.Id == need.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return TechnologyNeedDto.From(need, name);
    }
}
