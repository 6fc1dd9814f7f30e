using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Cooperation;

/// <summary>A party reports an outcome of the agreement; it counts once the other party confirms it.</summary>
public sealed record ReportOutcome(OutcomeKind Kind, int Year, int Quantity, long? ContractValue, Guid? ProgrammeId, IReadOnlyList<string>? PatentNumbers, string? Note)
    : ICommand<OutcomeDto>
{
    [JsonIgnore] public Guid AgreementId { get; init; }

    internal OutcomeFigures Figures() => new(Kind, Year, Quantity, ContractValue, ProgrammeId, PatentNumbers ?? [], Note);
}

internal sealed class ReportOutcomeValidator : AbstractValidator<ReportOutcome>
{
    public ReportOutcomeValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("不是可选的成果类型。");
        this.AddOutcomeRules(x => x.Year, x => x.PatentNumbers, x => x.Note);
    }
}

internal sealed class ReportOutcomeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReportOutcome, OutcomeDto>
{
    public async ValueTask<OutcomeDto> Handle(ReportOutcome command, CancellationToken ct)
    {
        var agreement = await CooperationAccess.AgreementToActOnAsync(db, user, command.AgreementId, ct);
        var own = user.RequireOrganisationId();
        await CheckProgrammeAsync(db, agreement, command.ProgrammeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = Outcome.Report(Guid.CreateVersion7(), agreement, command.Figures(), own, user.RequireUserId(), now);
        db.Outcomes.Add(outcome);
        var name = await db.Organisations.Where(o => o.Id == own).Select(o => o.Name).SingleAsync(ct);
        db.InboxItems.Add(InboxItem.For(agreement.OtherParty(own), InboxItemKind.OutcomeToConfirm, nameof(Outcome), outcome.Id,
            $"{name} 填报了 {outcome.Year} 年的合作成果（{CooperationAccess.Chinese(outcome.Kind)} {outcome.Quantity}），请确认或提出异议。", now));
        await db.SaveChangesAsync(ct);
        return OutcomeDto.From(outcome);
    }

    /// <summary>A hire is counted against a programme of one of the two parties.</summary>
    public static async Task CheckProgrammeAsync(IAppDbContext db, Agreement agreement, Guid? programmeId, CancellationToken ct)
    {
        if (programmeId is not { } id) return;
        var (first, second) = (agreement.FirstPartyId, agreement.SecondPartyId);
        if (!await db.Programmes.AnyAsync(p => p.Id == id && (p.OrganisationId == first || p.OrganisationId == second), ct))
            throw new DomainRuleException("programmeId", "该专业不存在，或不属于协议双方。");
    }
}
