using ChainLink.Application.Barometer;
using ChainLink.Application.Common;
using ChainLink.Application.Dashboard;
using ChainLink.Domain.Dashboard;
using ChainLink.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.WhitePapers;

/// <summary>
/// The white paper of a year for a region (government, administrators; published outside the colleges, so small cells
/// are withheld by the disclosure rule) or for a college's own use (the college itself; nothing withheld).
/// </summary>
public sealed record GetWhitePaper(int Year, string? Region, Guid? College) : IQuery<WhitePaperContent>;

internal sealed class GetWhitePaperValidator : AbstractValidator<GetWhitePaper>
{
    public GetWhitePaperValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("年份须在 2000 至 2100 之间。");
        RuleFor(x => x.Region).Matches("^[0-9]{6}$").WithMessage("地区须为 6 位行政区划代码。");
    }
}

internal sealed class GetWhitePaperHandler(IAppDbContext db, ICurrentUser user, DashboardSource source, IOptions<DashboardOptions> values,
    IOptions<BarometerOptions> barometer, TimeProvider clock) : IQueryHandler<GetWhitePaper, WhitePaperContent>
{
    public const string Title = "职业院校毕业生就业质量白皮书";
    private const string Province = "150000";

    public async ValueTask<WhitePaperContent> Handle(GetWhitePaper query, CancellationToken ct)
    {
        Guid? college;
        string? region;
        if (user.ReadsEverything()) (college, region) = (query.College, query.College is null ? query.Region ?? Province : query.Region);
        else if (user.IsCollege())
        {
            var own = user.RequireOrganisationId();
            if (query.College is { } asked && asked != own) throw new ForbiddenException("院校只能生成本院校自用的白皮书。");
            (college, region) = (own, null);
        }
        else throw new ForbiddenException("白皮书由政府部门按地区生成，院校可生成本院校自用版。");

        var ownUse = college is not null;
        var rule = barometer.Value.Disclosure();
        async Task<List<GraduateOutcomeCells.Row>> RowsAsync(string by) =>
            [.. (await GraduateOutcomeCells.ReadAsync(db, query.Year, by, ct))
                .Where(r => (college is null || r.Outcome.OrganisationId == college) && (region is null || DashboardSource.RegionCovers(region, r.CampusRegionCode)))];
        var byRegion = await RowsAsync(GraduateOutcomeAggregates.ByRegion);
        var byClass = await RowsAsync(GraduateOutcomeAggregates.ByMajorClass);
        var scopeName = college is { } c
            ? await db.Organisations.Where(o => o.Id == c && o.Kind == OrganisationKind.College).Select(o => o.Name).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("找不到该院校。")
            : await db.Regions.Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? region!;
        var total = GraduateOutcomeCells.Aggregate(byRegion.Select(r => r with { CellKey = college?.ToString() ?? region!, CellName = "合计" }), query.Year, rule,
            college, everything: ownUse);

        var filter = source.Scope(new DashboardFilter(query.Year, null, region, null, college, null));
        var figures = DashboardCalculator.Compute(await source.LoadAsync(filter, ct), values.Value.ToValuation());
        DashboardFigure Figure(string key) => figures.Single(f => f.Key == key);
        return new WhitePaperContent(Title, college is { } id ? $"college:{id}" : region!, scopeName, query.Year, ownUse,
            total.SingleOrDefault() ?? new GraduateOutcomeAggregateDto(region ?? "", "合计", query.Year, 0, 0, 0, 0, 0, null, null, null, null, null, 0, false, null),
            GraduateOutcomeCells.Aggregate(byRegion, query.Year, rule, college, everything: ownUse),
            GraduateOutcomeCells.Aggregate(byClass, query.Year, rule, college, everything: ownUse),
            Figure(DashboardCalculator.Alignment), Figure(DashboardCalculator.Structure), Figure(DashboardCalculator.Returns), Figure(DashboardCalculator.Roi),
            DashboardCalculator.MethodologyVersion, clock.GetUtcNow().UtcDateTime);
    }
}
