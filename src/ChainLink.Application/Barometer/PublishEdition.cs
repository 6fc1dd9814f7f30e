using ChainLink.Application.Common;
using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Barometer;

public sealed record RevisionIntent(RevisionKind Kind, string? Note);

/// <summary>Computes and freezes an edition of a finished quarter; with <see cref="Revision"/>, a new revision of a published one.</summary>
public sealed record PublishEdition(string Quarter, RevisionIntent? Revision = null) : ICommand<EditionSummary>;

internal sealed class PublishEditionValidator : AbstractValidator<PublishEdition>
{
    public PublishEditionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Quarter).NotEmpty().Must(BarometerPayload.IsQuarter).WithMessage("'{PropertyValue}' " + Quarter.FormatMessage)
            .Must(q => Quarter.Parse(q).End < clock.GetUtcNow()).WithMessage("季度 '{PropertyValue}' 尚未结束；晴雨表只发布已结束的季度。");
        RuleFor(x => x.Revision!.Kind).IsInEnum().NotEqual(RevisionKind.Initial)
            .WithMessage("修订类型只能是 correction（更正）、newSourceData（新数据）或 methodChange（方法变更）。").When(x => x.Revision is not null);
        RuleFor(x => x.Revision!.Note).NotEmpty().WithMessage("修订需要说明改了什么。")
            .MaximumLength(BarometerEdition.MaxNoteLength).When(x => x.Revision is not null);
    }
}

internal sealed class PublishEditionHandler(EditionPublisher publisher, ICurrentUser user) : ICommandHandler<PublishEdition, EditionSummary>
{
    public async ValueTask<EditionSummary> Handle(PublishEdition command, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Government) && !user.IsInRole(Roles.Admin))
            throw new ForbiddenException("只有政府和管理员账号可以发布晴雨表。");
        var edition = await publisher.PublishAsync(Quarter.Parse(command.Quarter), command.Revision, user.UserId, ct);
        return EditionSummary.From(edition, isLatest: true);
    }
}

/// <summary>The one place an edition is computed and frozen; the publish command and the demo seeder both use it.</summary>
public sealed class EditionPublisher(IAppDbContext db, IDemandFactReader facts, IOptions<BarometerOptions> options, TimeProvider clock)
{
    public async Task<BarometerEdition> PublishAsync(Quarter quarter, RevisionIntent? revision, Guid? publishedBy, CancellationToken ct)
    {
        var latest = await db.BarometerEditions.Where(e => e.Quarter == quarter).MaxAsync(e => (int?)e.Revision, ct);
        if (latest is not null && revision is null)
            throw new ConflictException($"{quarter} 已有发布版本（第 {latest} 版）；请改为发布修订，并写明修订类型和说明。");
        if (latest is null && revision is not null)
            throw new DomainRuleException("revision", $"{quarter} 还没有发布版本，无从修订；请不带 revision 发布。");

        var input = await BarometerSource.LoadAsync(db, facts, quarter, ct);
        var result = BarometerCalculator.Compute(quarter, input, options.Value.ToSettings());
        if (result.SourceCounts is { Demands: 0, Programmes: 0 })
            throw new NotFoundException("该季度的晴雨表数据（开放需求或毕业生）", quarter);

        var (json, csv) = await BarometerPayload.CellsJsonAndCsvAsync(result.Cells);
        var edition = BarometerEdition.Publish(quarter, (latest ?? 0) + 1, revision?.Kind ?? RevisionKind.Initial, revision?.Note,
            result.SourceCounts, result.Cells.Count, json, csv,
            clock.GetUtcNow().UtcDateTime, publishedBy);
        db.BarometerEditions.Add(edition);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // The unique (quarter, revision) index caught a publication that ran at the same time as this one.
            throw new ConflictException($"{quarter} 的第 {edition.Revision} 版刚被他人同时发布；请刷新版本列表后重试。");
        }
        return edition;
    }
}
