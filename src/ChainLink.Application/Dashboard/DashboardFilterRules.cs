using FluentValidation;

namespace ChainLink.Application.Dashboard;

/// <summary>The checks every dashboard request makes of its filter, in the users' language.</summary>
internal static class DashboardFilterRules
{
    public static void AddFilterRules<T>(this AbstractValidator<T> validator, Func<T, DashboardFilter> filterOf)
    {
        validator.RuleFor(x => filterOf(x).Year).InclusiveBetween(2000, 2100).OverridePropertyName("year").WithMessage("年份须在 2000 至 2100 之间。");
        validator.RuleFor(x => filterOf(x).Quarter).InclusiveBetween(1, 4).OverridePropertyName("quarter").WithMessage("季度须为 1 至 4。");
        validator.RuleFor(x => filterOf(x).Region).Matches("^[0-9]{6}$").OverridePropertyName("region").WithMessage("地区须为 6 位行政区划代码。");
        validator.RuleFor(x => filterOf(x).Cluster).MaximumLength(40).OverridePropertyName("cluster").WithMessage("产业集群代码最多 40 个字符。");
    }
}
