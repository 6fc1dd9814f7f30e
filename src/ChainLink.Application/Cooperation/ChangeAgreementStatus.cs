using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>Either party suspends (with a reason), resumes or ends (with a reason) an agreement; the other is told in its inbox.</summary>
public sealed record ChangeAgreementStatus(Guid Id, AgreementAction Action, int Version, string? Reason) : ICommand<AgreementDto>;

internal sealed class ChangeAgreementStatusValidator : AbstractValidator<ChangeAgreementStatus>
{
    public ChangeAgreementStatusValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请写明理由。").When(x => x.Action != AgreementAction.Resume);
        RuleFor(x => x.Reason).MaximumLength(CooperationLimits.MaxReasonLength).WithMessage($"理由最多 {CooperationLimits.MaxReasonLength} 个字符。");
    }
}

internal sealed class ChangeAgreementStatusHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeAgreementStatus, AgreementDto>
{
    public async ValueTask<AgreementDto> Handle(ChangeAgreementStatus command, CancellationToken ct)
    {
        var agreement = await CooperationAccess.AgreementToActOnAsync(db, user, command.Id, ct);
        db.ExpectVersion(agreement, agreement.Version, command.Version, "该合作协议");
        var now = clock.GetUtcNow().UtcDateTime;
        var own = user.RequireOrganisationId();
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        var text = command.Action switch
        {
            AgreementAction.Suspend => Do(() => agreement.Suspend(command.Reason!, now), $"{name} 暂停了合作协议（理由：{command.Reason?.Trim()}）。"),
            AgreementAction.Resume => Do(agreement.Resume, $"{name} 恢复了合作协议。"),
            _ => Do(() => agreement.End(command.Reason!, now), $"{name} 终止了合作协议（理由：{command.Reason?.Trim()}）。"),
        };
        db.InboxItems.Add(InboxItem.For(agreement.OtherParty(own), InboxItemKind.AgreementChanged, nameof(Agreement), agreement.Id, text, now));
        await db.SaveChangesAsync(ct);
        return await GetAgreementHandler.ToDtoAsync(db, user, agreement, ct);
    }

    private static string Do(Action change, string text)
    {
        change();
        return text;
    }
}
