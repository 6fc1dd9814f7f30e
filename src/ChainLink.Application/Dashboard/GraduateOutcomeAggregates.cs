using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Dashboard;

/// <summary>
/// Graduate outcomes of a year by 盟市 (<c>by=region</c>) or by major class (专业大类, <c>by=majorClass</c>), for every
/// signed-in user. Outside government and administrators a cell is shown only when it passes the barometer's disclosure
/// rule, or when all of it is the caller's own college (docs/integration-dashboard.md §6).
/// </summary>
public sealed record GraduateOutcomeAggregates(int Year, string By) : IQuery<IReadOnlyList<GraduateOutcomeAggregateDto>>
{
    public const string ByRegion = "region";
    public const string ByMajorClass = "majorClass";
}

internal sealed class GraduateOutcomeAggregatesValidator : AbstractValidator<GraduateOutcomeAggregates>
{
    public GraduateOutcomeAggregatesValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("年份须在 2000 至 2100 之间。");
        RuleFor(x => x.By).Must(b => b is GraduateOutcomeAggregates.ByRegion or GraduateOutcomeAggregates.ByMajorClass)
            .WithMessage("汇总方式须为 region（盟市）或 majorClass（专业大类）。");
    }
}

internal sealed class GraduateOutcomeAggregatesHandler(IAppDbContext db, ICurrentUser user, IOptions<BarometerOptions> barometer)
    : IQueryHandler<GraduateOutcomeAggregates, IReadOnlyList<GraduateOutcomeAggregateDto>>
{
    public async ValueTask<IReadOnlyList<GraduateOutcomeAggregateDto>> Handle(GraduateOutcomeAggregates query, CancellationToken ct)
    {
        var rows = await GraduateOutcomeCells.ReadAsync(db, query.Year, query.By, ct);
        return GraduateOutcomeCells.Aggregate(rows, query.Year, barometer.Value.Disclosure(), user.ReadsEverything() ? null : user.OrganisationId,
            everything: user.ReadsEverything());
    }
}
