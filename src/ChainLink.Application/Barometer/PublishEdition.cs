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
            .Must(q => Quarter.Parse(q).End < clock.GetUtcNow()).WithMessage("Quarter '{PropertyValue}' has not ended yet; editions cover finished quarters.");
        RuleFor(x => x.Revision!.Kind).IsInEnum().NotEqual(RevisionKind.Initial)
            .WithMessage("A revision is a correction, newSourceData or methodChange.").When(x => x.Revision is not null);
        RuleFor(x => x.Revision!.Note).NotEmpty().WithMessage("A revision needs a note saying what changed.")
            .MaximumLength(BarometerEdition.MaxNoteLength).When(x => x.Revision is not null);
    }
}

internal sealed class PublishEditionHandler(EditionPublisher publisher, ICurrentUser user) : ICommandHandler<PublishEdition, EditionSummary>
{
    public async ValueTask<EditionSummary> Handle(PublishEdition command, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Government) && !user.IsInRole(Roles.Admin))
            throw new ForbiddenException("Only government and administrator accounts publish barometer editions.");
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
            throw new ConflictException($"{quarter} already has an edition (revision {latest}); publish a revision with a kind and a note instead.");
        if (latest is null && revision is not null)
            throw new DomainRuleException("revision", $"{quarter} has no edition yet, so there is nothing to revise; publish without 'revision'.");

        var input = await BarometerSource.LoadAsync(db, facts, quarter, ct);
        var result = BarometerCalculator.Compute(quarter, input, options.Value.ToSettings());
        if (result.SourceCounts is { Demands: 0, Programmes: 0 })
            throw new NotFoundException("Barometer data (open demands or graduates) for quarter", quarter);

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
            throw new ConflictException($"Revision {edition.Revision} of {quarter} was published by someone else at the same time; reload the editions and retry.");
        }
        return edition;
    }
}
