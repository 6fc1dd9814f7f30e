using FluentValidation;

namespace ChainLink.Application.Common;

/// <summary>Validator rules that a field holds a known reference code.</summary>
public static class TaxonomyRules
{
    public static IRuleBuilderOptions<T, string> KnownRegion<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsRegion(c)).WithMessage("'{PropertyValue}' is not a GB/T 2260 region code.");

    public static IRuleBuilderOptions<T, string> KnownOccupation<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsLeafOccupation(c)).WithMessage("'{PropertyValue}' is not an occupation (细类) code of the 2022 classification.");

    public static IRuleBuilderOptions<T, string> KnownMajor<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsMajor(c)).WithMessage("'{PropertyValue}' is not a major code of the national catalogue.");

    public static IRuleBuilderOptions<T, string> KnownSkill<T>(this IRuleBuilder<T, string> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => c is null || taxonomy.IsSkill(c)).WithMessage("'{PropertyValue}' is not a skill code of the ChainLink taxonomy.");

    public static IRuleBuilderOptions<T, string?> KnownClusterOrEmpty<T>(this IRuleBuilder<T, string?> rule, ITaxonomyCache taxonomy) =>
        rule.Must(c => string.IsNullOrEmpty(c) || taxonomy.IsCluster(c)).WithMessage("'{PropertyValue}' is not an industry cluster code.");
}
