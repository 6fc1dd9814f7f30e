using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Programmes;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Programmes;

/// <summary>A college publishes a programme (a catalogue major it offers at one campus).</summary>
public sealed record CreateProgramme(
    string MajorCode,
    string? Name,
    EducationLevel Level,
    string CampusRegionCode,
    string? Description,
    IReadOnlyList<ModuleInput>? Modules,
    IReadOnlyList<EnrolmentPlanInput>? EnrolmentPlans,
    IReadOnlyList<CohortInput>? Cohorts) : ICommand<ProgrammeDto>, IProgrammeFields;

internal sealed class CreateProgrammeValidator(ITaxonomyCache taxonomy) : ProgrammeFieldsValidator<CreateProgramme>(taxonomy);

/// <summary>Replaces a programme's fields; <see cref="Version"/> is the version the editor last read.</summary>
public sealed record EditProgramme(
    int Version,
    string MajorCode,
    string? Name,
    EducationLevel Level,
    string CampusRegionCode,
    string? Description,
    IReadOnlyList<ModuleInput>? Modules,
    IReadOnlyList<EnrolmentPlanInput>? EnrolmentPlans,
    IReadOnlyList<CohortInput>? Cohorts) : ICommand<ProgrammeDto>, IProgrammeFields
{
    [JsonIgnore] public Guid Id { get; init; }
}

internal sealed class EditProgrammeValidator : ProgrammeFieldsValidator<EditProgramme>
{
    public EditProgrammeValidator(ITaxonomyCache taxonomy) : base(taxonomy) => RuleFor(x => x.Version).GreaterThan(0);
}

internal sealed class ProgrammeCommandHandlers(IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, TimeProvider clock)
    : ICommandHandler<CreateProgramme, ProgrammeDto>, ICommandHandler<EditProgramme, ProgrammeDto>
{
    public async ValueTask<ProgrammeDto> Handle(CreateProgramme command, CancellationToken ct)
    {
        var organisation = await db.Organisations.FindAsync([user.RequireOrganisationId()], ct)
            ?? throw new ForbiddenException("您所在的机构已不存在。");
        await EnsureNoTwinAsync(organisation.Id, command, null, ct);
        var programme = Programme.Create(Guid.CreateVersion7(), organisation.Id, command.ToDetails(taxonomy), clock.GetUtcNow().UtcDateTime);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return ProgrammeDto.From(programme, organisation.Name, taxonomy);
    }

    public async ValueTask<ProgrammeDto> Handle(EditProgramme command, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException("专业点", command.Id);
        user.EnsureOwns(programme.OrganisationId, "专业点");
        db.ExpectVersion(programme, command.Version, "该专业点");
        await EnsureNoTwinAsync(programme.OrganisationId, command, programme.Id, ct);
        programme.Edit(command.ToDetails(taxonomy), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var organisationName = await db.Organisations.Where(o => o.Id == programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return ProgrammeDto.From(programme, organisationName, taxonomy);
    }

    /// <summary>One college offers a major at a level once per campus region.</summary>
    private async Task EnsureNoTwinAsync(Guid organisationId, IProgrammeFields f, Guid? self, CancellationToken ct)
    {
        var twin = await db.Programmes.AnyAsync(p => p.OrganisationId == organisationId && p.MajorCode == f.MajorCode
            && p.Level == f.Level && p.CampusRegionCode == f.CampusRegionCode && p.Id != self, ct);
        if (twin) throw new ConflictException($"贵校在地区 {f.CampusRegionCode} 已有该层次的专业 {f.MajorCode} 的专业点。");
    }
}
