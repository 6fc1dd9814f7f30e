using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>
/// A party reports one side's investment in a year (whole yuan, staff hours); it counts once the other party confirms.
/// <see cref="PartyOrganisationId"/> null means the reporting party's own.
/// </summary>
public sealed record ReportInvestment(Guid? PartyOrganisationId, int Year, long PlannedFunds, long ActualFunds, long EquipmentValue, int StaffHours)
    : ICommand<InvestmentDto>
{
    [JsonIgnore] public Guid AgreementId { get; init; }
}

internal sealed class ReportInvestmentValidator : AbstractValidator<ReportInvestment>
{
    public ReportInvestmentValidator() => this.AddInvestmentRules(x => x.Year, x => x.PlannedFunds, x => x.ActualFunds, x => x.EquipmentValue, x => x.StaffHours);
}

internal sealed class ReportInvestmentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReportInvestment, InvestmentDto>
{
    public async ValueTask<InvestmentDto> Handle(ReportInvestment command, CancellationToken ct)
    {
        var agreement = await CooperationAccess.AgreementToActOnAsync(db, user, command.AgreementId, ct);
        var own = user.RequireOrganisationId();
        var now = clock.GetUtcNow().UtcDateTime;
        var figures = new InvestmentFigures(command.PartyOrganisationId ?? own, command.Year, command.PlannedFunds, command.ActualFunds,
            command.EquipmentValue, command.StaffHours);
        var investment = Investment.Report(Guid.CreateVersion7(), agreement, figures, own, user.RequireUserId(), now);
        db.Investments.Add(investment);
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        db.InboxItems.Add(InboxItem.For(agreement.OtherParty(own), InboxItemKind.InvestmentToConfirm, nameof(Investment), investment.Id,
            $"{name} 填报了 {investment.Year} 年的投入（资金 {investment.ActualFunds} 元、设备 {investment.EquipmentValue} 元、人员 {investment.StaffHours} 小时），请确认或提出异议。", now));
        await db.SaveChangesAsync(ct);
        return InvestmentDto.From(investment);
    }
}
