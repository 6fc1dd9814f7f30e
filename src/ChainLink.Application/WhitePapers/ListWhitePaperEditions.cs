using ChainLink.Application.Common;
using ChainLink.Application.Dashboard;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.WhitePapers;

/// <summary>Published white papers the caller may read: region papers everyone signed in; a college's own paper that college, government and administrators.</summary>
public sealed record ListWhitePaperEditions(int? Year) : IQuery<IReadOnlyList<WhitePaperEditionDto>>;

internal sealed class ListWhitePaperEditionsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListWhitePaperEditions, IReadOnlyList<WhitePaperEditionDto>>
{
    public async ValueTask<IReadOnlyList<WhitePaperEditionDto>> Handle(ListWhitePaperEditions query, CancellationToken ct)
    {
        var own = $"college:{user.OrganisationId}";
        var everything = user.ReadsEverything();
        var rows = await db.WhitePaperEditions.AsNoTracking()
            .Where(e => query.Year == null || e.Year == query.Year)
            .Where(e => everything || !e.Scope.StartsWith("college:") || e.Scope == own)
            .OrderByDescending(e => e.Year).ThenBy(e => e.Scope).ThenByDescending(e => e.Revision)
            .Select(e => new WhitePaperEditionDto(e.Id, e.Scope, e.ScopeName, e.Year, e.Revision, e.Note, e.MethodologyVersion, e.PublishedAt, e.DocxSha256, e.HtmlSha256))
            .ToListAsync(ct);
        return rows;
    }
}
