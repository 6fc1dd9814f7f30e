namespace ChainLink.Domain.Dashboard;

/// <summary>Shares as the dashboard publishes them: 0–1, 4 decimals, none when there is nothing to divide by.</summary>
public static class Rates
{
    public static double? Share(double part, double whole) => whole > 0 ? Round(part / whole) : null;

    public static double Round(double value, int digits = 4) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); none when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
