using FluentValidation;
using Mediator;

namespace ChainLink.Application.Skills;

/// <summary>Finds the taxonomy skills a free-text demand asks for, and the words that look like skills but are not in the taxonomy.</summary>
public sealed record ExtractSkills(string Text) : IQuery<SkillExtraction>;

internal sealed class ExtractSkillsValidator : AbstractValidator<ExtractSkills>
{
    public ExtractSkillsValidator() =>
        RuleFor(x => x.Text)
            .NotEmpty().WithMessage("请发送要提取技能的需求文本。")
            .MaximumLength(SkillExtractionLimits.MaxTextLength)
            .WithMessage(x => $"文本有 {x.Text.Length} 个字符；最多读取 {SkillExtractionLimits.MaxTextLength} 个。");
}

internal sealed class ExtractSkillsHandler(ISkillDictionaryProvider dictionaries) : IQueryHandler<ExtractSkills, SkillExtraction>
{
    public async ValueTask<SkillExtraction> Handle(ExtractSkills query, CancellationToken ct) =>
        (await dictionaries.GetAsync(ct)).Extract(query.Text);
}
