using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>An enterprise posts a technology need (技术攻关需求): budget in whole yuan, open until it closes it.</summary>
public sealed record PostTechnologyNeed(string Title, string Problem, string Field, long BudgetMin, long BudgetMax, DateOnly Deadline) : ICommand<TechnologyNeedDto>;

internal sealed class PostTechnologyNeedValidator : AbstractValidator<PostTechnologyNeed>
{
    public PostTechnologyNeedValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写标题。").MaximumLength(CooperationLimits.MaxTitleLength).PlainText();
        RuleFor(x => x.Problem).NotEmpty().WithMessage("请描述要解决的技术问题。").MaximumLength(4000);
        RuleFor(x => x.Field).NotEmpty().WithMessage("请填写技术领域。").MaximumLength(60).PlainText();
    }
}

internal sealed class PostTechnologyNeedHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PostTechnologyNeed, TechnologyNeedDto>
{
    public async ValueTask<TechnologyNeedDto> Handle(PostTechnologyNeed command, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        var need = TechnologyNeed.Post(Guid.CreateVersion7(), own, command.Title, command.Problem, command.Field, command.BudgetMin, command.BudgetMax,
            command.Deadline, clock.GetUtcNow().UtcDateTime);
        db.TechnologyNeeds.Add(need);
        await db.SaveChangesAsync(ct);
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        return TechnologyNeedDto.From(need, name);
    }
}
