using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Demands;

/// <summary>Replaces a demand's fields; <see cref="Version"/> is the version the editor last read.</summary>
public sealed record EditDemand(
    int Version,
    string Title,
    string? Description,
    string OccupationCode,
    string RegionCode,
    int Headcount,
    EducationLevel EducationLevel,
    string NeededBy,
    int? SalaryMin,
    int? SalaryMax,
    IReadOnlyList<CooperationModes>? CooperationModes,
    IReadOnlyList<DemandSkillInput>? Skills) : ICommand<DemandDto>, IDemandFields
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class EditDemandValidator : DemandFieldsValidator<EditDemand>
{
    public EditDemandValidator(ITaxonomyCache taxonomy, TimeProvider clock) : base(taxonomy, clock) =>
        RuleFor(x => x.Version).GreaterThan(0);
}

public enum DemandAction
{
    Open,
    Close,
    MarkFilled,
}

/// <summary>Moves a demand through its life: open, close, mark filled (and reopen a closed one).</summary>
public sealed record ChangeDemandStatus(Guid Id, DemandAction Action, int Version) : ICommand<DemandDto>;

internal sealed class ChangeDemandStatusValidator : AbstractValidator<ChangeDemandStatus>
{
    public ChangeDemandStatusValidator()
    {
        RuleFor(x => x.Version).GreaterThan(0);
        RuleFor(x => x.Action).IsInEnum();
    }
}

internal sealed class DemandCommandHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, ISkillDictionaryProvider dictionaries, TimeProvider clock)
    : ICommandHandler<EditDemand, DemandDto>, ICommandHandler<ChangeDemandStatus, DemandDto>
{
    public async ValueTask<DemandDto> Handle(EditDemand command, CancellationToken ct)
    {
        var demand = await LoadOwnedAsync(command.Id, command.Version, ct);
        var skills = await command.ResolveSkillsAsync(dictionaries, ct);
        demand.Edit(command.ToDetails(skills), clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(demand, ct);
    }

    public async ValueTask<DemandDto> Handle(ChangeDemandStatus command, CancellationToken ct)
    {
        var demand = await LoadOwnedAsync(command.Id, command.Version, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.RequireUserId();
        switch (command.Action)
        {
            case DemandAction.Open: demand.Open(now, userId); break;
            case DemandAction.Close: demand.Close(now, userId); break;
            case DemandAction.MarkFilled: demand.MarkFilled(now, userId); break;
        }
        return await SaveAsync(demand, ct);
    }

    private async Task<Demand> LoadOwnedAsync(Guid id, int version, CancellationToken ct)
    {
        var demand = await db.Demands.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("需求", id);
        user.EnsureOwns(demand.OrganisationId, "需求");
        db.ExpectVersion(demand, version, "该需求");
        return demand;
    }

    private async Task<DemandDto> SaveAsync(Demand demand, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var organisationName = await db.Organisations.Where(o => o.Id == demand.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return DemandDto.From(demand, organisationName, taxonomy);
    }
}
