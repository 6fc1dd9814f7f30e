using ChainLink.Application.Common;
using ChainLink.Domain.Dashboard;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Dashboard;

/// <summary>A college reports the employment of one of its programmes' graduates of one year (one row per programme and year).</summary>
public sealed record ReportGraduateOutcome(
    Guid ProgrammeId, int GraduationYear, int Graduates, int EmployedAtSixMonths, int EmployedInMajor, int? RetainedAfterYear, int? MedianStartingPay)
    : ICommand<GraduateOutcomeDto>
{
    internal GraduateOutcomeFigures Figures() => new(Graduates, EmployedAtSixMonths, EmployedInMajor, RetainedAfterYear, MedianStartingPay);
}

internal sealed class ReportGraduateOutcomeValidator : AbstractValidator<ReportGraduateOutcome>
{
    public ReportGraduateOutcomeValidator() => RuleFor(x => x.ProgrammeId).NotEmpty().WithMessage("请选择专业。");
}

internal sealed class ReportGraduateOutcomeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReportGraduateOutcome, GraduateOutcomeDto>
{
    public async ValueTask<GraduateOutcomeDto> Handle(ReportGraduateOutcome command, CancellationToken ct)
    {
        var own = user.RequireOrganisationId();
        var owner = await db.Programmes.Where(p => p.Id == command.ProgrammeId).Select(p => (Guid?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (owner != own) throw new NotFoundException("找不到该专业，或该专业不属于本院校。");
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = GraduateOutcome.Report(Guid.CreateVersion7(), own, command.ProgrammeId, command.GraduationYear, command.Figures(), now);
        if (await db.GraduateOutcomes.AnyAsync(g => g.ProgrammeId == command.ProgrammeId && g.GraduationYear == command.GraduationYear, ct))
            throw new ConflictException($"该专业 {command.GraduationYear} 届的就业情况已经填报，请修改已有记录。");
        db.GraduateOutcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        return (await GraduateOutcomeReader.ReadAsync(db, db.GraduateOutcomes.Where(g => g.Id == outcome.Id), ct)).Single();
    }
}
