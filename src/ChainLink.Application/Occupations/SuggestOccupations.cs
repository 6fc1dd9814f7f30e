using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Demands;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Occupations;

/// <summary>
/// Ranks occupations of level 细类 for a posting: skills named in the text (through the extractor) or given as codes,
/// against the occupation → skill links, and the occupation's name where the text names it.
/// </summary>
public sealed record SuggestOccupations(string? Text, IReadOnlyList<string>? Skills, int? Top) : IQuery<OccupationSuggestions>
{
    public const int DefaultTop = 5;
    public const int MaxTop = 20;
}

internal sealed class SuggestOccupationsValidator : AbstractValidator<SuggestOccupations>
{
    public SuggestOccupationsValidator(ITaxonomyCache taxonomy)
    {
        RuleFor(x => x.Text).MaximumLength(SkillExtractionLimits.MaxTextLength)
            .WithMessage(x => $"文本有 {x.Text!.Length} 个字符，最多 {SkillExtractionLimits.MaxTextLength} 个。");
        this.ListOf(x => x.Skills, Demand.MaxSkills)
            .Must(c => taxonomy.IsSkill(c)).WithMessage("'{PropertyValue}' 不是 ChainLink 技能分类中的技能代码。");
        RuleFor(x => x.Top).InclusiveBetween(1, SuggestOccupations.MaxTop).WithMessage($"top 须在 1 到 {SuggestOccupations.MaxTop} 之间。");
        RuleFor(x => x.Text).Must((x, text) => !string.IsNullOrWhiteSpace(text) || x.Skills is { Count: > 0 })
            .WithMessage("请提供岗位描述文本（text）或技能代码（skills），至少一项。");
    }
}

internal sealed class SuggestOccupationsHandler(IAppDbContext db, ITaxonomyCache taxonomy, ISkillDictionaryProvider dictionaries)
    : IQueryHandler<SuggestOccupations, OccupationSuggestions>
{
    /// <summary>A text that names the occupation outright weighs as much as a full skill match.</summary>
    private const double NameWeight = 1.0;

    /// <summary>A text that names the occupation's stem ("仓储管理" for 仓储管理员) weighs a little less.</summary>
    private const double StemWeight = 0.6;

    private static readonly string[] NameSuffixes = ["工程技术人员", "技术人员", "人员", "员", "师", "工"];

    public async ValueTask<OccupationSuggestions> Handle(SuggestOccupations query, CancellationToken ct)
    {
        var wanted = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var code in query.Skills ?? []) wanted[code] = true;
        if (!string.IsNullOrWhiteSpace(query.Text))
            foreach (var found in (await dictionaries.GetAsync(ct)).Extract(query.Text).Skills)
                wanted.TryAdd(found.SkillCode, found.Essential);

        var leaves = await db.Occupations.AsNoTracking().Where(o => o.Level == "细类").Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        var links = wanted.Count == 0
            ? []
            : await db.OccupationSkills.AsNoTracking().Where(l => wanted.Keys.Contains(l.SkillCode)).ToListAsync(ct);
        var linkCounts = wanted.Count == 0
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.OccupationSkills.AsNoTracking().Where(l => wanted.Keys.Contains(l.SkillCode))
                .GroupBy(l => l.SkillCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);

        // A skill linked to few occupations tells more about which one is meant (inverse document frequency).
        double Idf(string skill) => Math.Log(1 + (double)leaves.Count / Math.Max(1, linkCounts.GetValueOrDefault(skill)));
        var possible = wanted.Sum(w => Idf(w.Key) * (w.Value ? 1 : 0.5));
        var bySkill = links.GroupBy(l => l.OccupationCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var text = query.Text ?? "";
        var ranked = new List<(OccupationSuggestion Suggestion, double Raw)>();
        foreach (var occupation in leaves)
        {
            var reasons = new List<string>();
            double raw = 0;
            if (text.Contains(occupation.Name, StringComparison.Ordinal))
            {
                raw += NameWeight;
                reasons.Add($"文本中出现职业名称「{occupation.Name}」");
            }
            else if (Stem(occupation.Name) is { } stem && text.Contains(stem, StringComparison.Ordinal))
            {
                raw += StemWeight;
                reasons.Add($"文本中出现「{stem}」（职业「{occupation.Name}」）");
            }

            var shared = bySkill.TryGetValue(occupation.Code, out var matched) ? matched : [];
            if (shared.Count > 0 && possible > 0)
            {
                var earned = shared.Sum(l => Idf(l.SkillCode) * (wanted[l.SkillCode] ? 1 : 0.5) * (l.Essential ? 1 : 0.75));
                raw += earned / possible;
                var names = shared.Take(5).Select(l => taxonomy.SkillName(l.SkillCode) ?? l.SkillCode);
                reasons.Add($"共有技能 {shared.Count} 项（所需 {wanted.Count} 项）：{string.Join("、", names)}{(shared.Count > 5 ? " 等" : "")}");
            }
            if (raw <= 0) continue;
            ranked.Add((new OccupationSuggestion(occupation.Code, occupation.Name, 0, reasons,
                shared.Select(l => l.SkillCode).Order(StringComparer.Ordinal).ToList()), raw));
        }

        var top = query.Top ?? SuggestOccupations.DefaultTop;
        var items = ranked
            .OrderByDescending(r => r.Raw).ThenByDescending(r => r.Suggestion.Skills.Count).ThenBy(r => r.Suggestion.Code, StringComparer.Ordinal)
            .Take(top)
            .Select(r => r.Suggestion with { Score = Math.Round(Math.Min(1, r.Raw / (1 + NameWeight)), 4) })
            .ToList();
        return new OccupationSuggestions(items);
    }

    /// <summary>The name without its worker suffix ("仓储管理员" → "仓储管理"), when at least three characters remain.</summary>
    private static string? Stem(string name)
    {
        foreach (var suffix in NameSuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 3) return name[..^suffix.Length];
        return null;
    }
}
