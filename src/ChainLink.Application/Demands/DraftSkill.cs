namespace ChainLink.Application.Demands;

/// <summary>A skill the ad asks for, with every place in the posted text that names it.</summary>
public sealed record DraftSkill(string SkillCode, string Name, bool Essential, int Level, IReadOnlyList<TextMatch> Matches);
