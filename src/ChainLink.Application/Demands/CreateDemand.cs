using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using Mediator;

namespace ChainLink.Application.Demands;

/// <summary>An enterprise posts a demand; it starts as a draft unless <see cref="Open"/> is set.</summary>
public sealed record CreateDemand(
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
    IReadOnlyList<DemandSkillInput>? Skills,
    bool Open = false) : ICommand<DemandDto>, IDemandFields;

internal sealed class CreateDemandValidator(ITaxonomyCache taxonomy, TimeProvider clock) : DemandFieldsValidator<CreateDemand>(taxonomy, clock);

internal sealed class CreateDemandHandler(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, ISkillDictionaryProvider dictionaries, TimeProvider clock)
    : ICommandHandler<CreateDemand, DemandDto>
{
    public async ValueTask<DemandDto> Handle(CreateDemand command, CancellationToken ct)
    {
        var userId = user.RequireUserId();
        var organisation = await db.Organisations.FindAsync([user.RequireOrganisationId()], ct)
            ?? throw new ForbiddenException("您所在的机构已不存在。");
        var skills = await command.ResolveSkillsAsync(dictionaries, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var demand = Demand.Create(Guid.CreateVersion7(), organisation.Id, command.ToDetails(skills), now);
        if (command.Open) demand.Open(now, userId);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(ct);
        return DemandDto.From(demand, organisation.Name, taxonomy);
    }
}
