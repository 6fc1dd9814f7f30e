using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Demands;

public static class DraftDemandLimits
{
    /// <summary>A long job ad; the description of the draft keeps at most <see cref="DemandLimits.DescriptionLength"/> of it.</summary>
    public const int MaxTextLength = 8_000;
}

/// <summary>An enterprise pastes a job ad and gets a demand's fields filled in from it; nothing is saved.</summary>
public sealed record DraftDemand(string Text) : IQuery<DemandDraft>;

internal sealed class DraftDemandValidator : AbstractValidator<DraftDemand>
{
    public DraftDemandValidator() =>
        RuleFor(x => x.Text).NotEmpty().MaximumLength(DraftDemandLimits.MaxTextLength);
}

internal sealed class DraftDemandHandler(IAppDbContext db, ICurrentUser user, ISkillDictionaryProvider dictionaries, TimeProvider clock)
    : IQueryHandler<DraftDemand, DemandDraft>
{
    public async ValueTask<DemandDraft> Handle(DraftDemand query, CancellationToken ct)
    {
        var text = query.Text;
        var guesses = new List<DraftGuess>();

        var extraction = (await dictionaries.GetAsync(ct)).Extract(text);
        var skills = extraction.Skills.Take(Demand.MaxSkills)
            .Select(s => new DraftSkill(s.SkillCode, s.SkillName, s.Essential, DemandFieldsMapping.ExtractedSkillLevel,
                extraction.Hits.Where(h => h.SkillCode == s.SkillCode).Select(h => new TextMatch(h.Start, h.Length, h.MatchedText)).ToList()))
            .ToList();
        var unknown = extraction.UnknownTerms.Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();

        var title = DemandTextParser.Title(text);
        if (title is not null) guesses.Add(new("title", title.Text, title.Reason));

        var regions = await db.Regions.AsNoTracking().Select(r => new RegionName(r.Code, r.Name, r.Level)).ToListAsync(ct);
        var region = RegionFinder.Find(text, regions);
        string? regionCode;
        if (region is not null)
        {
            regionCode = region.Value;
            guesses.Add(new("regionCode", region.Text, region.Reason));
        }
        else
        {
            var organisationId = user.RequireOrganisationId();
            regionCode = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.RegionCode).FirstOrDefaultAsync(ct);
            var name = regions.FirstOrDefault(r => r.Code == regionCode)?.Name ?? regionCode;
            if (regionCode is not null) guesses.Add(new("regionCode", "", $"文中没有提到盟市或省份，取贵单位所在地区：{name}。"));
        }

        var level = DemandTextParser.EducationLevelOf(text);
        if (level is not null) guesses.Add(new("educationLevel", level.Text, level.Reason));
        var headcount = DemandTextParser.Headcount(text);
        if (headcount is not null) guesses.Add(new("headcount", headcount.Text, headcount.Reason));
        var neededBy = DemandTextParser.NeededBy(text, clock.GetUtcNow());
        if (neededBy is not null) guesses.Add(new("neededBy", neededBy.Text, neededBy.Reason));
        var salary = DemandTextParser.Salary(text);
        if (salary is not null)
        {
            guesses.Add(new("salaryMin", salary.Text, salary.Reason));
            guesses.Add(new("salaryMax", salary.Text, salary.Reason));
        }

        var description = text.Trim();
        if (description.Length > DemandLimits.DescriptionLength) description = description[..DemandLimits.DescriptionLength];
        return new DemandDraft(title?.Value ?? "", description, skills, unknown, regionCode, level?.Value, headcount?.Value,
            neededBy?.Value.ToString(), salary?.Value.Min, salary?.Value.Max, guesses);
    }
}
