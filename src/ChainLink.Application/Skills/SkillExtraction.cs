namespace ChainLink.Application.Skills;

public static class SkillExtractionLimits
{
    /// <summary>A long job ad is a few thousand characters; beyond this the text is not a demand.</summary>
    public const int MaxTextLength = 20_000;
}

/// <summary>One place in the text that names a skill; <see cref="Start"/> and <see cref="Length"/> index the original string (UTF-16).</summary>
public sealed record SkillHit(string SkillCode, string SkillName, string MatchedText, int Start, int Length, bool Essential);

/// <summary>A skill the text asks for, once, essential if any of its mentions is.</summary>
public sealed record ExtractedSkill(string SkillCode, string SkillName, bool Essential);

public enum UnknownTermKind
{
    /// <summary>A Latin token that looks technical (acronym, product name, version) but names no skill.</summary>
    Latin,

    /// <summary>A Chinese phrase after 熟悉/掌握/精通/具备/会… that names no skill.</summary>
    AfterCue,
}

/// <summary>Words that look like skills but are not in the taxonomy: material for taxonomy curators.</summary>
public sealed record UnknownTerm(string Text, int Start, int Length, UnknownTermKind Kind);

/// <param name="Hits">Every mention kept, in text order.</param>
/// <param name="Negated">Mentions the text says are not needed (不需要, 无需, not required).</param>
/// <param name="Skills">The distinct skills of <paramref name="Hits"/>.</param>
public sealed record SkillExtraction(
    IReadOnlyList<SkillHit> Hits,
    IReadOnlyList<SkillHit> Negated,
    IReadOnlyList<ExtractedSkill> Skills,
    IReadOnlyList<UnknownTerm> UnknownTerms)
{
    public static readonly SkillExtraction Empty = new([], [], [], []);
}
