using ChainLink.Application.Common;
using ChainLink.Application.Matching;
using ChainLink.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Programmes;

public sealed record GetProgramme(Guid Id) : IQuery<ProgrammeDto>;

public sealed record ListProgrammes(
    string? Q = null,
    string? Major = null,
    string? Region = null,
    EducationLevel? Level = null,
    Guid? Organisation = null,
    bool Mine = false,
    int PageNumber = 1,
    int PageSize = 20) : IQuery<Page<ProgrammeDto>>, IPagedQuery;

internal sealed class ListProgrammesValidator : AbstractValidator<ListProgrammes>
{
    public ListProgrammesValidator(ITaxonomyCache taxonomy)
    {
        this.AddPagingRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Major!).KnownMajor(taxonomy).When(x => x.Major is not null);
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => x.Region is not null);
    }
}

internal sealed class ProgrammeQueryHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, GoodMatchCounter goodMatches)
    : IQueryHandler<GetProgramme, ProgrammeDto>, IQueryHandler<ListProgrammes, Page<ProgrammeDto>>
{
    public async ValueTask<ProgrammeDto> Handle(GetProgramme query, CancellationToken ct)
    {
        var row = await db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId)
            .Where(p => p.Id == query.Id)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Programme = p, o.Name })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("专业点", query.Id);
        return ProgrammeDto.From(row.Programme, row.Name, taxonomy);
    }

    public async ValueTask<Page<ProgrammeDto>> Handle(ListProgrammes query, CancellationToken ct)
    {
        var programmes = db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId);
        if (query.Mine) programmes = programmes.Where(p => p.OrganisationId == user.OrganisationId);
        if (query.Organisation is { } org) programmes = programmes.Where(p => p.OrganisationId == org);
        if (query.Major is { } major) programmes = programmes.Where(p => p.MajorCode == major);
        if (query.Level is { } level) programmes = programmes.Where(p => p.Level == level);
        if (query.Region is { } region) programmes = programmes.InRegion(p => p.CampusRegionCode, region);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            programmes = programmes.Where(p => p.Name.Contains(q) || p.Description.Contains(q));
        }
        var total = await programmes.CountAsync(ct);
        var ids = await programmes
            .OrderBy(p => p.CampusRegionCode).ThenBy(p => p.MajorCode).ThenBy(p => p.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Select(p => p.Id).ToListAsync(ct);
        // The page is chosen on narrow rows; only its programmes are loaded whole, each owned collection in its own
        // statement (modules with their skills, plans and cohorts in one statement would return their product).
        var rows = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).AsSplitQuery()
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Programme = p, o.Name })
            .ToDictionaryAsync(r => r.Programme.Id, ct);
        var items = new List<ProgrammeDto>(ids.Count);
        foreach (var id in ids.Where(rows.ContainsKey))
        {
            var dto = ProgrammeDto.From(rows[id].Programme, rows[id].Name, taxonomy);
            // Only the owner's own list counts good matches, and only for the page shown (one match run each, cached).
            items.Add(query.Mine ? dto with { GoodMatches = await goodMatches.ForProgrammeAsync(id, ct) } : dto);
        }
        return new Page<ProgrammeDto>(items, query.PageNumber, query.PageSize, total);
    }
}
