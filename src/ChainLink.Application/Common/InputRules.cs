using System.Linq.Expressions;
using FluentValidation;

namespace ChainLink.Application.Common;

/// <summary>
/// Rules every request field of one kind obeys, so each list and each name people read is checked the same way in
/// every validator; what they reject is a 400 naming the field or item (<c>skills[2]</c>), never an exception deeper in.
/// </summary>
public static class InputRules
{
    /// <summary>
    /// A list in a request body: at most <paramref name="max"/> items and no null item. Returns the rule of each item;
    /// it stops at a null item, so the rules chained after it never see one.
    /// </summary>
    public static IRuleBuilderOptions<T, TItem> ListOf<T, TItem>(this AbstractValidator<T> validator,
        Expression<Func<T, IEnumerable<TItem>?>> list, int max, string? name = null)
    {
        var length = validator.RuleFor(list).Must(items => items is null || items.Take(max + 1).Count() <= max).WithMessage($"最多 {max} 项。");
        var each = validator.RuleForEach(list).Cascade(CascadeMode.Stop).NotNull().WithMessage("列表中的项不能为 null。");
        if (name is null) return each;
        length.OverridePropertyName(name);
        return each.OverridePropertyName(name);
    }

    /// <summary>
    /// A name or title people read: control characters, bidirectional overrides and isolates (which reorder what is
    /// shown, U+202A–202E, U+2066–2069) and zero-width characters (U+200B–200F, U+FEFF) disguise one name as another.
    /// </summary>
    public static IRuleBuilderOptions<T, TText> PlainText<T, TText>(this IRuleBuilder<T, TText> rule) where TText : IEnumerable<char>? =>
        rule.Must(text => text is null || !text.Any(IsHidden)).WithMessage("不能包含控制字符、双向文本控制字符或零宽字符。");

    public static bool IsHidden(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200F') or '\uFEFF';
}
