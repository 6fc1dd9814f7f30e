using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Organisations;
using FluentValidation;
using Mediator;

namespace ChainLink.Application.Organisations;

/// <summary>A reviewer rejects a pending organisation with a reason its users read; its records stay private.</summary>
public sealed record RejectOrganisation(string Reason) : ICommand<OrganisationReviewDto>
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class RejectOrganisationValidator : AbstractValidator<RejectOrganisation>
{
    public RejectOrganisationValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请写明驳回理由。")
            .MaximumLength(Organisation.RejectionReasonMaxLength).WithMessage($"驳回理由最多 {Organisation.RejectionReasonMaxLength} 个字符。");
}

internal sealed class RejectOrganisationHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, TimeProvider clock)
    : ICommandHandler<RejectOrganisation, OrganisationReviewDto>
{
    public async ValueTask<OrganisationReviewDto> Handle(RejectOrganisation command, CancellationToken ct)
    {
        var organisation = await OrganisationReviewers.FindAsync(db, user, command.Id, ct);
        organisation.Reject(command.Reason, user.RequireUserId(), clock);
        await db.SaveChangesAsync(ct);
        return OrganisationReviewDto.From(organisation, taxonomy);
    }
}
