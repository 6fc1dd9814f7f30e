using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Dashboard;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Dashboard;

/// <summary>The college corrects its graduate outcome; <see cref="Version"/> is the one it read (409 when it moved on).</summary>
public sealed record EditGraduateOutcome(int Version, int Graduates, int EmployedAtSixMonths, int EmployedInMajor, int? RetainedAfterYear, int? MedianStartingPay)
    : ICommand<GraduateOutcomeDto>
{
    [JsonIgnore] public Guid Id { get; init; }

    internal GraduateOutcomeFigures Figures() => new(Graduates, EmployedAtSixMonths, EmployedInMajor, RetainedAfterYear, MedianStartingPay);
}

internal sealed class EditGraduateOutcomeValidator : AbstractValidator<EditGraduateOutcome>
{
    public EditGraduateOutcomeValidator() => RuleFor(x => x.Version).GreaterThan(0).WithMessage("请提交您读取到的版本号。");
}

internal sealed class EditGraduateOutcomeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<EditGraduateOutcome, GraduateOutcomeDto>
{
    public async ValueTask<GraduateOutcomeDto> Handle(EditGraduateOutcome command, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        var outcome = await db.GraduateOutcomes.FirstOrDefaultAsync(g => g.Id == command.Id && g.OrganisationId == own, ct)
            ?? throw new NotFoundException("找不到该就业质量记录。");
        if (outcome.Version != command.Version)
            throw new ConflictException($"该就业质量记录已被修改（您提交的版本为 {command.Version}，当前版本为 {outcome.Version}），请刷新后重试。");
        db.ExpectVersion(outcome, command.Version, "就业质量记录");
        outcome.Edit(command.Figures(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (await GraduateOutcomeReader.ReadAsync(db, db.GraduateOutcomes.Where(g => g.Id == outcome.Id), ct)).Single();
    }
}
