namespace ChainLink.Domain.Reference;

/// <summary>What kind of concept a skill of the taxonomy is.</summary>
public enum SkillType
{
    Skill,
    Knowledge,
    Tool,
    Certificate,
}
