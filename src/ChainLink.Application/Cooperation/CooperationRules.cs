using System.Linq.Expressions;
using ChainLink.Application.Common;
using ChainLink.Domain.Cooperation;
using FluentValidation;

namespace ChainLink.Application.Cooperation;

/// <summary>The bounds of reported figures, checked before anything is loaded; each failure names its field.</summary>
internal static class CooperationRules
{
    public static void AddYearRule<T>(this AbstractValidator<T> v, Expression<Func<T, int>> year) =>
        v.RuleFor(year).InclusiveBetween(CooperationLimits.MinYear, CooperationLimits.MaxYear)
            .WithMessage($"年份须在 {CooperationLimits.MinYear} 至 {CooperationLimits.MaxYear} 之间。");

    public static void AddYuanRule<T>(this AbstractValidator<T> v, Expression<Func<T, long>> amount) =>
        v.RuleFor(amount).InclusiveBetween(0, CooperationLimits.MaxYuan)
            .WithMessage($"金额须在 0 至 {CooperationLimits.MaxYuan} 元之间（以元为单位的整数）。");

    /// <summary>The figures of an investment, as reported or corrected.</summary>
    public static void AddInvestmentRules<T>(this AbstractValidator<T> v, Expression<Func<T, int>> year, Expression<Func<T, long>> planned,
        Expression<Func<T, long>> actual, Expression<Func<T, long>> equipment, Expression<Func<T, int>> hours)
    {
        v.AddYearRule(year);
        v.AddYuanRule(planned);
        v.AddYuanRule(actual);
        v.AddYuanRule(equipment);
        v.AddHoursRule(hours);
    }

    public static void AddHoursRule<T>(this AbstractValidator<T> v, Expression<Func<T, int>> hours) =>
        v.RuleFor(hours).InclusiveBetween(0, CooperationLimits.MaxHours).WithMessage($"工时须在 0 至 {CooperationLimits.MaxHours} 之间。");

    /// <summary>The free parts of an outcome, as reported or corrected (quantity and value depend on the kind: the entity checks them).</summary>
    public static void AddOutcomeRules<T>(this AbstractValidator<T> v, Expression<Func<T, int>> year, Expression<Func<T, IEnumerable<string>?>> patents,
        Expression<Func<T, string?>> note)
    {
        v.AddYearRule(year);
        v.ListOf(patents, CooperationLimits.MaxPatents).NotEmpty().WithMessage("专利号不能为空。")
            .MaximumLength(CooperationLimits.PatentNumberMaxLength).WithMessage($"专利号最多 {CooperationLimits.PatentNumberMaxLength} 个字符。").PlainText();
        v.RuleFor(note).MaximumLength(CooperationLimits.MaxMessageLength).WithMessage($"说明最多 {CooperationLimits.MaxMessageLength} 个字符。");
    }
}
