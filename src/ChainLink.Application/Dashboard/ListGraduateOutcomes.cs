using ChainLink.Application.Common;
using FluentValidation;
using Mediator;

namespace ChainLink.Application.Dashboard;

/// <summary>Graduate-outcome rows: a college reads its own, government and administrators every college's (or one's).</summary>
public sealed record ListGraduateOutcomes(int? Year, Guid? College) : IQuery<IReadOnlyList<GraduateOutcomeDto>>;

internal sealed class ListGraduateOutcomesValidator : AbstractValidator<ListGraduateOutcomes>
{
    public ListGraduateOutcomesValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("年份须在 2000 至 2100 之间。");
}

internal sealed class ListGraduateOutcomesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListGraduateOutcomes, IReadOnlyList<GraduateOutcomeDto>>
{
    public async ValueTask<IReadOnlyList<GraduateOutcomeDto>> Handle(ListGraduateOutcomes query, CancellationToken ct)
    {
        var rows = db.GraduateOutcomes.AsQueryable();
        if (!user.ReadsEverything())
        {
            if (!user.IsCollege())
                throw new ForbiddenException("各院校的就业质量明细只对本院校和政府用户开放；其他用户请查阅汇总数据（/api/graduate-outcomes/aggregates）。");
            var own = user.RequireOrganisationId();
            if (query.College is { } asked && asked != own) throw new ForbiddenException("院校用户只能查阅本院校的就业质量明细。");
            rows = rows.Where(g => g.OrganisationId == own);
        }
        else if (query.College is { } college) rows = rows.Where(g => g.OrganisationId == college);
        if (query.Year is { } year) rows = rows.Where(g => g.GraduationYear == year);
        return await GraduateOutcomeReader.ReadAsync(db, rows, ct);
    }
}
