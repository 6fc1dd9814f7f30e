using ChainLink.Domain.Barometer;
using ChainLink.Domain.Common;

namespace ChainLink.Application.Barometer;

/// <summary>Configuration section ChainLink:Barometer; checked at start by <see cref="Problems"/>.</summary>
public sealed class BarometerOptions
{
    public const string Section = "ChainLink:Barometer";

    /// <summary>k: a cell needs demand from at least this many organisations to be published.</summary>
    public int MinimumContributors { get; set; } = 3;

    /// <summary>A cell is suppressed when its 2 largest organisations hold more than this share of the demand; 1 turns the rule off.</summary>
    public double DominanceShare { get; set; } = 0.85;

    public double SurplusBelow { get; set; } = 0.67;
    public double TightFrom { get; set; } = 1.5;
    public double ShortageFrom { get; set; } = 4.0;

    /// <summary>Occupations with less demand (headcount) than this do not rank.</summary>
    public int RankingMinimumDemand { get; set; } = 20;

    /// <summary>Consecutive published quarters a cell needs before it is forecast (8 = two seasons, at most 12).</summary>
    public int ForecastMinimumQuarters { get; set; } = 8;

    /// <summary>The disclosure rule these settings define, for every aggregate published outside its sources.</summary>
    public DisclosureRule Disclosure() => new(MinimumContributors, DominanceShare);

    public BarometerSettings ToSettings() =>
        new(MinimumContributors, DominanceShare, SurplusBelow, TightFrom, ShortageFrom, ForecastMinimumQuarters);

    /// <summary>What is wrong with these settings, one message per problem; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (MinimumContributors < 1) yield return $"{Section}:MinimumContributors must be at least 1.";
        if (DominanceShare is <= 0.5 or > 1) yield return $"{Section}:DominanceShare must be above 0.5 and at most 1 (1 turns the rule off).";
        if (!(SurplusBelow > 0 && SurplusBelow < TightFrom && TightFrom < ShortageFrom))
            yield return $"{Section}: the bands need 0 < SurplusBelow < TightFrom < ShortageFrom (got {SurplusBelow}, {TightFrom}, {ShortageFrom}).";
        if (RankingMinimumDemand < 0) yield return $"{Section}:RankingMinimumDemand must not be negative.";
        if (ForecastMinimumQuarters is < 2 * HoltWinters.Season or > BarometerCalculator.HistoryQuarters)
            yield return $"{Section}:ForecastMinimumQuarters must be {2 * HoltWinters.Season} to {BarometerCalculator.HistoryQuarters}.";
    }
}
