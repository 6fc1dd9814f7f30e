using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>The reporter corrects a disputed outcome (same kind); it awaits the other party's confirmation again.</summary>
public sealed record CorrectOutcome(int Version, OutcomeKind Kind, int Year, int Quantity, long? ContractValue, Guid? ProgrammeId,
    IReadOnlyList<string>? PatentNumbers, string? Note) : ICommand<OutcomeDto>
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class CorrectOutcomeValidator : AbstractValidator<CorrectOutcome>
{
    public CorrectOutcomeValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("请发送读取时的版本号（version）。");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("不是可选的成果类型。");
        this.AddOutcomeRules(x => x.Year, x => x.PatentNumbers, x => x.Note);
    }
}

internal sealed class CorrectOutcomeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CorrectOutcome, OutcomeDto>
{
    public async ValueTask<OutcomeDto> Handle(CorrectOutcome command, CancellationToken ct)
    {
        var outcome = await db.Outcomes.FirstOrDefaultAsync(o => o.Id == command.Id, ct) ?? throw new NotFoundException(CooperationAccess.NotFoundMessage);
        var agreement = await CooperationAccess.AgreementToActOnAsync(db, user, outcome.AgreementId, ct);
        var own = CooperationAccess.EnsureReporter(user, outcome);
        db.ExpectVersion(outcome, outcome.Version, command.Version, "该成果记录");
        await ReportOutcomeHandler.CheckProgrammeAsync(db, agreement, command.ProgrammeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        outcome.Correct(new OutcomeFigures(command.Kind, command.Year, command.Quantity, command.ContractValue, command.ProgrammeId,
            command.PatentNumbers ?? [], command.Note), now);
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        db.InboxItems.Add(InboxItem.For(agreement.OtherParty(own), InboxItemKind.OutcomeToConfirm, nameof(Outcome), outcome.Id,
            $"{name} 更正了有异议的成果记录，请再次确认。", now));
        await db.SaveChangesAsync(ct);
        return OutcomeDto.From(outcome);
    }
}
