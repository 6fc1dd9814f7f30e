using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Matching;
using ChainLink.Domain.Reference;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChainLink.Application.Matching;

public static class MatchLimits
{
    public const int MaxTop = 100;
    public const int DefaultTop = 20;
    public const int MaxSkills = Demand.MaxSkills;
}

/// <summary>Programmes for a stored demand. Whoever may read the demand may see its matches (drafts: their owner only).</summary>
public sealed record GetDemandMatches(Guid Id, int Top = MatchLimits.DefaultTop) : IQuery<MatchList<ProgrammeMatch>>;

/// <summary>Open demands a programme could supply; whoever may read the programme may see its matches.</summary>
public sealed record GetProgrammeMatches(Guid Id, int Top = MatchLimits.DefaultTop) : IQuery<MatchList<DemandMatch>>;

/// <summary>The ad hoc input: free text (through the skill extractor) and/or skill codes, optionally a place and a level.</summary>
public interface IMatchInput
{
    string? Text { get; }
    IReadOnlyList<string>? Skills { get; }
    string? Region { get; }
    EducationLevel? Level { get; }
    int? Top { get; }
}

/// <summary>Programmes for an ad hoc query; nothing is saved.</summary>
public sealed record MatchProgrammes(string? Text, IReadOnlyList<string>? Skills, string? Region, EducationLevel? Level, int? Top)
    : IQuery<MatchList<ProgrammeMatch>>, IMatchInput;

/// <summary>Majors of the national catalogue for an ad hoc query ("which majors should I recruit from").</summary>
public sealed record MatchMajors(string? Text, IReadOnlyList<string>? Skills, string? Region, EducationLevel? Level, int? Top)
    : IQuery<MatchList<MajorMatch>>, IMatchInput;

internal sealed class GetDemandMatchesValidator : AbstractValidator<GetDemandMatches>
{
    public GetDemandMatchesValidator() => RuleFor(x => x.Top).InclusiveBetween(1, MatchLimits.MaxTop);
}

internal sealed class GetProgrammeMatchesValidator : AbstractValidator<GetProgrammeMatches>
{
    public GetProgrammeMatchesValidator() => RuleFor(x => x.Top).InclusiveBetween(1, MatchLimits.MaxTop);
}

internal class MatchInputValidator<T> : AbstractValidator<T> where T : IMatchInput
{
    public MatchInputValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Text).MaximumLength(SkillExtractionLimits.MaxTextLength);
        this.ListOf(x => x.Skills, MatchLimits.MaxSkills).NotEmpty().KnownSkill(taxonomy);
        RuleFor(x => x.Region!).KnownRegion(taxonomy).When(x => x.Region is not null);
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.Top).InclusiveBetween(1, MatchLimits.MaxTop);
        RuleFor(x => x.Text).Must((x, text) => !string.IsNullOrWhiteSpace(text) || x.Skills is { Count: > 0 })
            .WithMessage("请填写文本或技能代码（至少一项）。");
    }
}

internal sealed class MatchProgrammesValidator(ITaxonomyCache taxonomy) : MatchInputValidator<MatchProgrammes>(taxonomy);

internal sealed class MatchMajorsValidator(ITaxonomyCache taxonomy) : MatchInputValidator<MatchMajors>(taxonomy);

internal sealed class MatchQueryHandlers(
    IAppDbContext db, ICurrentUser user, ITaxonomyCache taxonomy, Matcher matcher, ISkillDictionaryProvider dictionaries,
    TimeProvider clock, IOptions<MatchingOptions> options, MajorCatalogueCache majorCatalogue)
    : IQueryHandler<GetDemandMatches, MatchList<ProgrammeMatch>>,
      IQueryHandler<GetProgrammeMatches, MatchList<DemandMatch>>,
      IQueryHandler<MatchProgrammes, MatchList<ProgrammeMatch>>,
      IQueryHandler<MatchMajors, MatchList<MajorMatch>>
{
    public async ValueTask<MatchList<ProgrammeMatch>> Handle(GetDemandMatches query, CancellationToken ct)
    {
        // A demand the caller may not read does not exist for them (as GET /api/demands/{id} answers).
        var demand = await db.Demands.AsNoTracking().VisibleTo(db, user.OrganisationId).Where(d => d.Id == query.Id)
            .Select(d => new
            {
                d.Status, d.Title, d.Description, d.RegionCode, d.EducationLevel, d.Headcount, d.NeededBy,
                Skills = d.Skills.OrderBy(s => EF.Property<int>(s, "Id")).Select(s => new WantedSkill(s.SkillCode, s.Essential)).ToList(),
            })
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Demand", query.Id);
        // An expired demand is out of matching both ways until its owner renews it (it is not a candidate either: the
        // index holds it inactive, the matcher reads only open demands).
        if (demand.Status == DemandStatus.Expired) throw new ConflictException("该需求已过期（状态 expired），续期后才能匹配。");
        var basis = new MatchBasisDraft(query.Top,
            demand.Skills.Select(s => new BasisSkill(s.Code, taxonomy.SkillName(s.Code), s.Essential, "demand", null)).ToList(),
            TextUsed: true, NoSkillRecognised: false, Note: null);
        var profile = MatchProfiles.Demand(demand.Skills, demand.RegionCode, demand.EducationLevel, demand.Headcount, demand.NeededBy, taxonomy.RegionSeat);
        return await matcher.ProgrammesAsync(profile, SearchDocuments.DemandText(demand.Title, demand.Description), basis, ct);
    }

    public async ValueTask<MatchList<DemandMatch>> Handle(GetProgrammeMatches query, CancellationToken ct)
    {
        var found = await SearchDocuments.ProgrammesAsync(
            db.Programmes.AsNoTracking().VisibleTo(p => p.OrganisationId, db, user.OrganisationId).Where(p => p.Id == query.Id), ct);
        if (found.Count == 0) throw new NotFoundException("Programme", query.Id);
        return await matcher.DemandsForAsync(found[0], query.Top, ct);
    }

    public async ValueTask<MatchList<ProgrammeMatch>> Handle(MatchProgrammes query, CancellationToken ct)
    {
        var (skills, basisSkills, note) = await WantedAsync(query, ct);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text;
        var profile = new DemandProfile(skills, query.Region is { } region ? taxonomy.RegionSeat(region) : null, query.Level, null,
            Quarter.Of(clock.GetUtcNow()));
        var basis = new MatchBasisDraft(query.Top ?? MatchLimits.DefaultTop, basisSkills, text is not null, skills.Count == 0, note);
        return await matcher.ProgrammesAsync(profile, text, basis, ct);
    }

    public async ValueTask<MatchList<MajorMatch>> Handle(MatchMajors query, CancellationToken ct)
    {
        var (skills, basisSkills, note) = await WantedAsync(query, ct);
        var top = query.Top ?? MatchLimits.DefaultTop;
        var basis = new MatchBasis(basisSkills, TextUsed: false, NoSkillRecognised: skills.Count == 0,
            skills.Count == 0 ? "未识别出词表中的技能，无法排列专业；请写出技能名称或提供技能代码。" : note, 0);
        if (skills.Count == 0) return new MatchList<MajorMatch>(basis, []);

        var (majors, sources) = await majorCatalogue.GetAsync(LoadMajorCatalogueAsync);
        var weights = options.Value.Weights;
        var levelName = query.Level is { } level ? EducationLevelNames.Chinese(level) : null;
        var ranked = majors
            .Where(m => levelName is null || m.Level == levelName)
            .Select(m =>
            {
                var taught = sources.GetValueOrDefault(m.Code) ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                var (coverage, covered, missing) = MatchScoring.SkillCoverageOf(skills, taught, weights, taxonomy);
                return (Major: m, Coverage: coverage, Covered: covered, Missing: missing);
            })
            .Where(x => x.Coverage > 0)
            .OrderByDescending(x => x.Coverage).ThenByDescending(x => x.Covered.Count(c => c.Credit >= 1)).ThenBy(x => x.Major.Code, StringComparer.Ordinal)
            .Take(top)
            .Select((x, i) => new MajorMatch(i + 1, x.Major.Code, x.Major.Name, x.Major.Level, Math.Round(x.Coverage, 4),
                x.Covered.Select(c => new CoveredSkillDto(c.Code, taxonomy.SkillName(c.Code), c.Essential, c.Credit, c.Via,
                    c.Via is null ? null : taxonomy.SkillName(c.Via), c.Modules)).ToList(),
                x.Missing.Select(s => new MissingSkillDto(s.Code, taxonomy.SkillName(s.Code), s.Essential)).ToList()))
            .ToList();
        return new MatchList<MajorMatch>(basis with { Candidates = majors.Count }, ranked);
    }

    /// <summary>Where each major's skills come from: the catalogue's major–skill link, or an occupation the major leads to.</summary>
    private async Task<MajorCatalogueCache.Catalogue> LoadMajorCatalogueAsync()
    {
        // Not the request's token: other requests may be waiting for the same load.
        var majors = await db.Majors.AsNoTracking().Select(m => new MajorCatalogueCache.Major(m.Code, m.Name, m.Level)).ToListAsync();
        var direct = await db.MajorSkills.AsNoTracking().Select(l => new { l.MajorCode, l.SkillCode }).ToListAsync();
        // Links named only by the broad 2023 guideline (护理 → 美甲师) would lend a major skills it does not teach.
        var viaOccupation = await db.MajorOccupations.AsNoTracking().Where(mo => mo.Weight >= MajorOccupation.TrustedWeight)
            .Join(db.OccupationSkills, mo => mo.OccupationCode, os => os.OccupationCode, (mo, os) => new { mo.MajorCode, mo.OccupationCode, os.SkillCode })
            .ToListAsync();
        var sources = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        void Link(string major, string skill, string source)
        {
            if (!sources.TryGetValue(major, out var bySkill)) sources[major] = bySkill = new(StringComparer.Ordinal);
            if (!bySkill.TryGetValue(skill, out var list)) bySkill[skill] = list = [];
            if (!list.Contains(source)) list.Add(source);
        }
        foreach (var l in direct) Link(l.MajorCode, l.SkillCode, "专业技能");
        foreach (var l in viaOccupation) Link(l.MajorCode, l.SkillCode, $"职业 {l.OccupationCode} {taxonomy.OccupationName(l.OccupationCode)}");
        return new MajorCatalogueCache.Catalogue(majors, sources.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyDictionary<string, IReadOnlyList<string>>)kv.Value.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));
    }

    /// <summary>Skills given as codes (essential) plus those the extractor finds in the text, each once.</summary>
    private async Task<(List<WantedSkill> Skills, List<BasisSkill> Basis, string? Note)> WantedAsync(IMatchInput input, CancellationToken ct)
    {
        var skills = new List<WantedSkill>();
        var basis = new List<BasisSkill>();
        foreach (var code in (input.Skills ?? []).Distinct(StringComparer.Ordinal))
        {
            skills.Add(new WantedSkill(code, true));
            basis.Add(new BasisSkill(code, taxonomy.SkillName(code), true, "skills", null));
        }
        if (string.IsNullOrWhiteSpace(input.Text)) return (skills, basis, null);

        var extraction = (await dictionaries.GetAsync(ct)).Extract(input.Text);
        foreach (var found in extraction.Skills)
        {
            if (skills.Any(s => s.Code == found.SkillCode)) continue;
            skills.Add(new WantedSkill(found.SkillCode, found.Essential));
            basis.Add(new BasisSkill(found.SkillCode, found.SkillName, found.Essential, "text",
                extraction.Hits.FirstOrDefault(h => h.SkillCode == found.SkillCode)?.MatchedText));
        }
        return (skills, basis, skills.Count == 0 ? MatchNotes.NoSkillRecognised : null);
    }
}
