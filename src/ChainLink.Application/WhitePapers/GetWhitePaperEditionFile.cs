using ChainLink.Application.Common;
using ChainLink.Application.Dashboard;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.WhitePapers;

/// <summary>The frozen bytes of one published white paper (<c>docx</c> or <c>html</c>) with their SHA-256.</summary>
public sealed record GetWhitePaperEditionFile(Guid Id, string Format) : IQuery<WhitePaperFile>;

internal sealed class GetWhitePaperEditionFileHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetWhitePaperEditionFile, WhitePaperFile>
{
    public async ValueTask<WhitePaperFile> Handle(GetWhitePaperEditionFile query, CancellationToken ct)
    {
        var edition = await db.WhitePaperEditions.AsNoTracking().Where(e => e.Id == query.Id)
            .Select(e => new { e.Scope, e.Year, e.Revision, Bytes = query.Format == "html" ? e.Html : e.Docx, Sha = query.Format == "html" ? e.HtmlSha256 : e.DocxSha256 })
            .FirstOrDefaultAsync(ct);
        if (edition is null || (edition.Scope.StartsWith("college:", StringComparison.Ordinal) && !user.ReadsEverything() && edition.Scope != $"college:{user.OrganisationId}"))
            throw new NotFoundException("找不到该白皮书。");
        return new WhitePaperFile(edition.Bytes, edition.Sha, $"white-paper-{edition.Year}-r{edition.Revision}.{query.Format}");
    }
}
