using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Demands;

/// <summary>The owner's one-click renewal of an expired demand with a new needed-by quarter; 409 when it is not expired.</summary>
public sealed record RenewDemand(int Version, string NeededBy) : ICommand<DemandDto>
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class RenewDemandValidator : AbstractValidator<RenewDemand>
{
    public RenewDemandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Version).GreaterThan(0);
        RuleFor(x => x.NeededBy).NotEmpty().Must(q => Quarter.TryParse(q, out _)).WithMessage("'{PropertyValue}' " + Quarter.FormatMessage)
            .DependentRules(() =>
            {
                RuleFor(x => x.NeededBy).Must(q => Quarter.Parse(q) >= Quarter.Of(clock.GetUtcNow()))
                    .WithMessage(x => $"续期后的需求季度 {x.NeededBy} 已过去，当前季度为 {Quarter.Of(clock.GetUtcNow())}。");
                RuleFor(x => x.NeededBy).Must(q => Quarter.Parse(q) <= Quarter.Of(clock.GetUtcNow()).AddQuarters(DemandLimits.MaxQuartersAhead))
                    .WithMessage($"续期后的需求季度最多在 {DemandLimits.MaxQuartersAhead} 个季度之后。");
            });
    }
}

internal sealed class RenewDemandHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, TimeProvider clock) : ICommandHandler<RenewDemand, DemandDto>
{
    public async ValueTask<DemandDto> Handle(RenewDemand command, CancellationToken ct)
    {
        var demand = await db.Demands.FirstOrDefaultAsync(d => d.Id == command.Id, ct) ?? throw new NotFoundException("需求", command.Id);
        user.EnsureOwns(demand.OrganisationId, "需求");
        db.ExpectVersion(demand, command.Version, "该需求");
        demand.Renew(Quarter.Parse(command.NeededBy), clock.GetUtcNow().UtcDateTime, user.RequireUserId());
        await db.SaveChangesAsync(ct);
        var organisationName = await db.Organisations.Where(o => o.Id == demand.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return DemandDto.From(demand, organisationName, taxonomy);
    }
}
