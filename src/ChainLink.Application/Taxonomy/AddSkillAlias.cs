using System.Text.Json.Serialization;
using ChainLink.Application.Common;
using ChainLink.Application.Skills;
using ChainLink.Domain.Common;
using ChainLink.Domain.Reference;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Application.Taxonomy;

/// <summary>A curator teaches the extractor another way people write a skill (an abbreviation, a product name, a local term).</summary>
public sealed record AddSkillAlias(string Alias) : ICommand<SkillDto>
{
    [JsonIgnore] public string Code { get; init; } = "";
}

public static class SkillAliasLimits
{
    /// <summary>The column's length.</summary>
    public const int MaxLength = 100;
}

internal sealed class AddSkillAliasValidator : AbstractValidator<AddSkillAlias>
{
    public AddSkillAliasValidator()
    {
        RuleFor(x => x.Alias).NotEmpty().MaximumLength(SkillAliasLimits.MaxLength).PlainText()
            // The extractor ignores one-character terms: in Chinese nearly every character is part of many words.
            .Must(a => TextNormalizer.NormalizeTerm(a).Length >= 2).WithMessage("别名除空格和不可见字符外至少需要两个字符。");
    }
}

internal sealed class AddSkillAliasHandler(IAppDbContext db, ISkillDictionaryProvider dictionaries) : ICommandHandler<AddSkillAlias, SkillDto>
{
    public async ValueTask<SkillDto> Handle(AddSkillAlias command, CancellationToken ct)
    {
        var skill = await db.Skills.Include(s => s.Aliases).FirstOrDefaultAsync(s => s.Code == command.Code, ct)
            ?? throw new NotFoundException("技能", command.Code);
        var alias = command.Alias.Trim();
        // Compared in folded form, as the extractor sees it: "ＰＬＣ" and "plc" are the same term.
        var owner = (await dictionaries.GetAsync(ct)).OwnerOf(alias);
        if (owner == skill.Code)
            throw new ConflictException($"技能 {skill.Code} 的名称或别名中已经有“{alias}”。");
        if (owner is not null)
            throw new DomainRuleException("alias", $"“{alias}”已经是技能 {owner} 的名称或别名；一个词只能属于一项技能。");

        skill.Aliases.Add(new SkillAlias { SkillCode = skill.Code, Text = alias });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Only the unique (skill, text) index can fail here: another curator added the same alias a moment earlier.
            throw new ConflictException($"技能 {skill.Code} 已经有别名“{alias}”。");
        }
        dictionaries.Invalidate();
        return skill.ToDto();
    }
}
