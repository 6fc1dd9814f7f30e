using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// The party that did not report an investment or outcome confirms it or disputes it with a reason. The reporter
/// cannot confirm its own figure (403): only what the other side confirmed counts.
/// </summary>
public sealed record ReviewReport(ReportKind Kind, Guid Id, ReviewAction Action, int Version, string? Reason) : ICommand<ReportReviewed>;

internal sealed class ReviewReportValidator : AbstractValidator<ReviewReport>
{
    public ReviewReportValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("提出异议时请写明理由。").When(x => x.Action == ReviewAction.Dispute);
        RuleFor(x => x.Reason).MaximumLength(CooperationLimits.MaxReasonLength).WithMessage($"理由最多 {CooperationLimits.MaxReasonLength} 个字符。");
    }
}

internal sealed class ReviewReportHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReviewReport, ReportReviewed>
{
    public async ValueTask<ReportReviewed> Handle(ReviewReport command, CancellationToken ct)
    {
        PartyReport report = command.Kind == ReportKind.Investment
            ? await db.Investments.FirstOrDefaultAsync(i => i.Id == command.Id, ct) ?? throw new NotFoundException(CooperationAccess.NotFoundMessage)
            : await db.Outcomes.FirstOrDefaultAsync(o => o.Id == command.Id, ct) ?? throw new NotFoundException(CooperationAccess.NotFoundMessage);
        await CooperationAccess.AgreementToActOnAsync(db, user, report.AgreementId, ct);
        var own = user.RequireOrganisationId();
        if (report.ReportedByOrganisationId == own)
            throw new ForbiddenException("不能确认或质疑本机构自己填报的记录，须由协议另一方确认。");
        db.ExpectVersion(report, report.Version, command.Version, command.Kind == ReportKind.Investment ? "该投入记录" : "该成果记录");
        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        var what = command.Kind == ReportKind.Investment ? "投入" : "成果";
        string text;
        if (command.Action == ReviewAction.Confirm)
        {
            report.Confirm(own, now);
            text = $"{name} 确认了本机构填报的{what}。";
        }
        else
        {
            report.Dispute(command.Reason!, own, now);
            text = $"{name} 对本机构填报的{what}提出异议（理由：{report.DisputeReason}），请更正。";
        }
        db.InboxItems.Add(InboxItem.For(report.ReportedByOrganisationId, InboxItemKind.ReportReviewed, command.Kind.ToString(), report.Id, text, now));
        await db.SaveChangesAsync(ct);
        return new ReportReviewed(report.Id, report.Status, report.DisputeReason, report.DisputeCount, report.Version);
    }
}
