using FluentValidation;

namespace ChainLink.Application.Common;

/// <summary>Validator rules that a field holds a known reference code.</summary>
public static class TaxonomyRules
{
    public static IRuleBuilderOptions<T, string> KnownRegion<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsRegion(c)).WithMessage("'{PropertyValue}' 不是有效的行政区划代码。");

    public static IRuleBuilderOptions<T, string> KnownOccupation<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsLeafOccupation(c)).WithMessage("'{PropertyValue}' 不是 2022 版职业分类大典的细类代码。");

    public static IRuleBuilderOptions<T, string> KnownMajor<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsMajor(c)).WithMessage("'{PropertyValue}' 不是国家专业目录中的专业代码。");

    public static IRuleBuilderOptions<T, string> KnownSkill<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsSkill(c)).WithMessage("'{PropertyValue}' 不是本平台技能目录中的技能代码。");

    public static IRuleBuilderOptions<T, string?> KnownClusterOrEmpty<T>(this IRuleBuilder<T, string?> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => string.IsNullOrEmpty(c) || taxonomy.IsCluster(c)).WithMessage("'{PropertyValue}' 不是产业集群代码。");
}
