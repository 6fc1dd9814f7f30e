using ChainLink.Application.Common;
using ChainLink.Domain.Dashboard;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.WhitePapers;

/// <summary>
/// Freezes the white paper of a year as it reads now (the same people as <see cref="GetWhitePaper"/>): the next revision
/// of its scope and year, which needs a note once there is a first one.
/// </summary>
public sealed record PublishWhitePaper(int Year, string? Region, Guid? College, string? Note) : ICommand<WhitePaperEditionDto>;

internal sealed class PublishWhitePaperHandler(IAppDbContext db, ISender sender, IWhitePaperRenderer renderer, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PublishWhitePaper, WhitePaperEditionDto>
{
    public async ValueTask<WhitePaperEditionDto> Handle(PublishWhitePaper command, CancellationToken ct)
    {
        var content = await sender.Send(new GetWhitePaper(command.Year, command.Region, command.College), ct);
        var revision = await db.WhitePaperEditions.Where(e => e.Scope == content.ScopeKey && e.Year == content.Year).MaxAsync(e => (int?)e.Revision, ct) ?? 0;
        var edition = WhitePaperEdition.Publish(content.ScopeKey, content.ScopeName, content.Year, revision + 1, command.Note, content.MethodologyVersion,
            renderer.Docx(content), renderer.Html(content), clock.GetUtcNow().UtcDateTime, user.RequireUserId());
        db.WhitePaperEditions.Add(edition);
        await db.SaveChangesAsync(ct);
        return WhitePaperEditionDto.From(edition);
    }
}
