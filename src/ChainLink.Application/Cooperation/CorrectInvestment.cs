using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>The reporter corrects a disputed investment; it awaits the other party's confirmation again.</summary>
public sealed record CorrectInvestment(int Version, int Year, long PlannedFunds, long ActualFunds, long EquipmentValue, int StaffHours) : ICommand<InvestmentDto>
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class CorrectInvestmentValidator : AbstractValidator<CorrectInvestment>
{
    public CorrectInvestmentValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
        this.AddInvestmentRules(x => x.Year, x => x.PlannedFunds, x => x.ActualFunds, x => x.EquipmentValue, x => x.StaffHours);
    }
}

internal sealed class CorrectInvestmentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CorrectInvestment, InvestmentDto>
{
    public async ValueTask<InvestmentDto> Handle(CorrectInvestment command, CancellationToken ct)
    {
        var investment = await db.Investments.FirstOrDefaultAsync(i => i.Id == command.Id, ct) ?? throw new NotFoundException(CooperationAccess.NotFoundMessage);
        var agreement = await CooperationAccess.AgreementToActOnAsync(db, user, investment.AgreementId, ct);
        var own = CooperationAccess.EnsureReporter(user, investment);
        db.ExpectVersion(investment, investment.Version, command.Version, "该投入记录");
        var now = clock.GetUtcNow().UtcDateTime;
        investment.Correct(new InvestmentFigures(investment.PartyOrganisationId, command.Year, command.PlannedFunds, command.ActualFunds,
            command.EquipmentValue, command.StaffHours), now);
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        db.InboxItems.Add(InboxItem.For(agreement.OtherParty(own), InboxItemKind.InvestmentToConfirm, nameof(Investment), investment.Id,
            $"{name} 更正了有异议的投入记录，请再次确认。", now));
        await db.SaveChangesAsync(ct);
        return InvestmentDto.From(investment);
    }
}
