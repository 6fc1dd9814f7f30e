using ChainLink.Domain.Barometer;

namespace ChainLink.Domain.Tests.Barometer;

public sealed class ForecasterTests
{
    [Fact]
    public void A_trending_series_where_holt_winters_beats_seasonal_naive_in_its_back_test_gets_holt_winters()
    {
        // Seasonal naive misses the trend by 4 × 1 in every quarter held out; Holt-Winters follows it.
        double[] season = [2, -1, 0, -1];
        var series = Enumerable.Range(0, 12).Select(t => 10.0 + t + season[t % 4]).ToArray();
        Assert.True(Forecaster.HoltWintersWinsBackTest(series));
        var forecast = Forecaster.Forecast(series, 4);
        Assert.Equal(ForecastMethod.DampedHoltWinters, forecast.Method);
        Assert.Equal(HoltWinters.Forecast(series, 4), forecast.Predictions);
    }

    [Fact]
    public void A_series_holt_winters_does_not_beat_in_its_back_test_gets_seasonal_naive_with_its_interval()
    {
        // The same year three times: seasonal naive is exact on the held-out year, so Holt-Winters cannot beat it.
        double[] series = [5, 1, 3, 2, 5, 1, 3, 2, 5, 1, 3, 2];
        Assert.False(Forecaster.HoltWintersWinsBackTest(series));
        var forecast = Forecaster.Forecast(series, 4);
        Assert.Equal(ForecastMethod.SeasonalNaive, forecast.Method);
        Assert.Equal([5.0, 1, 3, 2], forecast.Predictions.Select(p => p.Point));
    }

    [Fact]
    public void The_seasonal_naive_interval_is_student_t_times_the_root_mean_square_seasonal_difference()
    {
        // Every seasonal difference is +1: σ = 1 from 8 differences; t(0.9, 8 df) = 1.3968 (tables: 1.397).
        double[] series = [1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6];
        var predictions = Forecaster.SeasonalNaive(series, 5);
        Assert.Equal(3, predictions[0].Point);
        Assert.Equal(3 - 1.3968, predictions[0].Lower, 3);
        Assert.Equal(6 + 1.3968, predictions[3].Upper, 3);
        // The fifth quarter ahead repeats a year twice: two differences, √2 times as wide.
        Assert.Equal(1.3968 * Math.Sqrt(2), predictions[4].Upper - predictions[4].Point, 3);
    }

    [Theory]
    [InlineData(4, 1.533)]
    [InlineData(6, 1.440)]
    [InlineData(8, 1.397)]
    [InlineData(30, 1.310)]
    public void The_student_quantile_matches_the_tables(int df, double table) =>
        Assert.Equal(table, Forecaster.StudentQuantile(df), 2);

    [Fact]
    public void A_series_too_short_for_the_holt_winters_interval_gets_seasonal_naive()
    {
        var series = Enumerable.Range(0, HoltWinters.MinimumForInterval - 1).Select(t => 10.0 + t).ToArray();
        Assert.Equal(ForecastMethod.SeasonalNaive, Forecaster.Forecast(series, 4).Method);
    }
}
