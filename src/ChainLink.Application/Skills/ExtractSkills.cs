using FluentValidation;
using Mediator;

namespace ChainLink.Application.Skills;

/// <summary>Finds the taxonomy skills a free-text demand asks for, and the words that look like skills but are not in the taxonomy.</summary>
public sealed record ExtractSkills(string Text) : IQuery<SkillExtraction>;

internal sealed class ExtractSkillsValidator : AbstractValidator<ExtractSkills>
{
    public ExtractSkillsValidator() =>
        RuleFor(x => x.Text)
            .NotEmpty().WithMessage("Send the demand text to extract skills from.")
            .MaximumLength(SkillExtractionLimits.MaxTextLength)
            .WithMessage(x => $"The text has {x.Text.Length} characters; at most {SkillExtractionLimits.MaxTextLength} are read.");
}

internal sealed class ExtractSkillsHandler(ISkillDictionaryProvider dictionaries) : IQueryHandler<ExtractSkills, SkillExtraction>
{
    public async ValueTask<SkillExtraction> Handle(ExtractSkills query, CancellationToken ct) =>
        (await dictionaries.GetAsync(ct)).Extract(query.Text);
}
