using ChainLink.Domain.Barometer;
using Xunit.Abstractions;

namespace ChainLink.Domain.Tests.Barometer;

public sealed class HoltWintersTests(ITestOutputHelper output)
{
    private static readonly double[] Season = [1.5, -0.5, 0.5, -1.5];

    [Fact]
    public void A_noiseless_trend_with_seasons_is_continued()
    {
        var series = Enumerable.Range(0, 12).Select(t => 10 + 0.25 * t + Season[t % 4]).ToArray();
        var forecast = HoltWinters.Forecast(series, 4);
        for (var h = 0; h < 4; h++)
        {
            var truth = 10 + 0.25 * (12 + h) + Season[(12 + h) % 4];
            Assert.InRange(forecast[h].Point, truth - 0.3, truth + 0.3);
            Assert.True(forecast[h].Lower <= forecast[h].Point && forecast[h].Point <= forecast[h].Upper);
        }
    }

    [Fact]
    public void The_initial_state_is_the_least_squares_line_through_the_first_two_seasons_not_the_first_seasons_mean()
    {
        // Season means 11 and 15: trend (15 − 11) / 4 = 1; level before the first quarter 11 − 2.5 × 1 = 8.5 (the mean
        // of season 1 is the level 2.5 quarters in). Seasonal terms: mean of the two same quarters less trend and level,
        // e.g. quarter 1: (10 + 14) / 2 − 1 × 3 − 8.5 = 0.5.
        double[] series = [10, 12, 14, 8, 14, 16, 18, 12];
        var (level, trend, seasonal) = HoltWinters.InitialState(series);
        Assert.Equal(8.5, level, 10);
        Assert.Equal(1.0, trend, 10);
        Assert.Equal([0.5, 1.5, 2.5, -4.5], seasonal.Select(s => Math.Round(s, 10)));
        // The state reproduces the series: the first quarter is 8.5 + 1 + 0.5 = 10, the fifth 8.5 + 5 + 0.5 = 14.
        Assert.Equal(10, level + 1 * trend + seasonal[0], 10);
        Assert.Equal(14, level + 5 * trend + seasonal[0], 10);
    }

    [Fact]
    public void One_step_of_the_damped_recursion_matches_the_hand_computation()
    {
        // ℓ 10, b 2, s 1, y 14; α 0.5, β 0.2, γ 0.3, φ 0.9.
        double level = 10, trend = 2, seasonal = 1;
        var error = HoltWinters.Step(14, 0.5, 0.2, 0.3, 0.9, ref level, ref trend, ref seasonal);
        Assert.Equal(1.2, error, 10);      // 14 − (10 + 0.9 × 2 + 1)
        Assert.Equal(12.4, level, 10);     // 0.5 × (14 − 1) + 0.5 × (10 + 1.8)
        Assert.Equal(1.92, trend, 10);     // 0.2 × (12.4 − 10) + 0.8 × 0.9 × 2
        Assert.Equal(1.18, seasonal, 10);  // 0.3 × (14 − 12.4) + 0.7 × 1
    }

    [Fact]
    public void The_trend_is_damped_so_far_quarters_add_less_than_near_ones()
    {
        var series = Enumerable.Range(0, 12).Select(t => 10 + 0.5 * t + Season[t % 4]).ToArray();
        var points = HoltWinters.PointForecast(series, 8);
        // Same quarter a year apart: the seasonal terms cancel and only the trend's steps remain.
        var firstYear = points[4] - points[0];
        var secondYear = points[7] - points[3];
        Assert.True(firstYear < 4 * 0.5 && firstYear > 0, $"a year adds {firstYear}, less than the undamped 2");
        Assert.True(secondYear < firstYear, $"the second year adds {secondYear}, less than the first {firstYear}");
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_year_and_mase_scales_by_its_in_sample_error()
    {
        double[] training = [1, 2, 3, 4, 2, 3, 4, 5];
        Assert.Equal([2.0, 3, 4, 5], HoltWinters.SeasonalNaive(training, 4));
        // In-sample seasonal differences are all 1; errors 1, 0, 2, 1 average 1: MASE 1.
        Assert.Equal(1.0, HoltWinters.Mase(training, [3, 3, 6, 6], [2, 3, 4, 5]));
    }

    /// <summary>
    /// The back-test the methodology quotes: 2,000 synthetic quarterly series (level, trend, season and noise drawn at
    /// random), 12 quarters to fit, 4 to check. The 80 % interval must cover roughly 80 % of what happened.
    /// </summary>
    [Fact]
    public void The_80_percent_interval_covers_about_80_percent_and_beats_seasonal_naive()
    {
        var random = new Random(20261125);
        double covered = 0, total = 0, maseModel = 0, maseNaive = 0;
        const int series = 2000;
        for (var i = 0; i < series; i++)
        {
            var level = 2 + 3 * random.NextDouble();
            var trend = 0.1 * (random.NextDouble() - 0.5);
            var amplitude = random.NextDouble();
            var noise = 0.1 + 0.3 * random.NextDouble();
            var y = Enumerable.Range(0, 16).Select(t => level + trend * t + amplitude * Season[t % 4] + noise * Gaussian(random)).ToArray();
            var training = y.AsSpan(0, 12);
            var actual = y.AsSpan(12, 4);
            var forecast = HoltWinters.Forecast(training, 4);
            for (var h = 0; h < 4; h++)
            {
                total++;
                if (actual[h] >= forecast[h].Lower && actual[h] <= forecast[h].Upper) covered++;
            }
            maseModel += HoltWinters.Mase(training, actual, forecast.Select(f => f.Point).ToArray());
            maseNaive += HoltWinters.Mase(training, actual, HoltWinters.SeasonalNaive(training, 4));
        }
        var coverage = covered / total;
        output.WriteLine($"80 % interval coverage {coverage:F3}; MASE Holt-Winters {maseModel / series:F3}, seasonal naive {maseNaive / series:F3}");
        Assert.InRange(coverage, 0.70, 0.90);
        Assert.True(maseModel < maseNaive, $"Holt-Winters MASE {maseModel / series:F3} should beat seasonal naive {maseNaive / series:F3}");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
