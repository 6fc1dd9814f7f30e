using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Security;
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

internal sealed class RejectOrganisationHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, TimeProvider clock, ISecurityEventLog events)
    : ICommandHandler<RejectOrganisation, OrganisationReviewDto>
{
    public async ValueTask<OrganisationReviewDto> Handle(RejectOrganisation command, CancellationToken ct)
    {
        var organisation = await OrganisationReviewers.FindAsync(db, user, command.Id, ct);
        organisation.Reject(command.Reason, user.RequireUserId(), clock);
        // Saves the decision and its security event in one SaveChanges.
        await events.RecordAsync(SecurityEventKind.OrganisationRejected, user.RequireUserId(), null, organisation.Id, $"{organisation.Name}：{command.Reason}", ct);
        return OrganisationReviewDto.From(organisation, taxonomy);
    }
}
