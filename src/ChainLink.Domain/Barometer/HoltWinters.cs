using System.Runtime.Intrinsics;

namespace ChainLink.Domain.Barometer;

/// <summary>
/// Additive Holt-Winters with a damped trend, ETS(A,Ad,A), season of 4 quarters (methodology §6, version 2.0). The
/// initial state is the least-squares line with seasonal terms through the first two seasons; the smoothing and damping
/// parameters are chosen on a grid by the smallest sum of squared one-step errors; the interval is the ETS class-1
/// formula σ²·(1 + Σ c_j²), c_j = α(1 + βφ_j) + γ·[j mod 4 = 0], φ_j = φ + … + φ^j.
/// </summary>
public static class HoltWinters
{
    public const int Season = 4;

    /// <summary>z of a central 80 % interval.</summary>
    public const double IntervalZ = 1.2815515655446004;

    private const int FreeParameters = 9;

    /// <summary>Observations needed to estimate the interval: one more than the free parameters.</summary>
    public const int MinimumForInterval = FreeParameters + 1;

    private static readonly double[] Alphas = [0.1, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] Betas = [0.05, 0.1, 0.2, 0.3];
    private static readonly double[] Gammas = [0.1, 0.3, 0.5];
    // Four damping values, one per lane of a 256-bit vector: the grid is run for all four at once (see Sse).
    private static readonly Vector256<double> Phis = Vector256.Create(0.8, 0.9, 0.95, 0.98);

    /// <summary>
    /// Smoothing, trend and seasonal parameters and the damping, chosen for a series, with the sum of squared one-step
    /// errors they leave and the state after the last observation.
    /// </summary>
    private readonly record struct Fit(double Alpha, double Beta, double Gamma, double Phi, double Sse, double Level, double Trend, double[] Seasonal);

    /// <summary>Forecasts <paramref name="horizon"/> quarters after the series with the 80 % interval; needs <see cref="MinimumForInterval"/> observations.</summary>
    public static Prediction[] Forecast(ReadOnlySpan<double> series, int horizon)
    {
        if (series.Length < MinimumForInterval) throw new ArgumentException($"Holt-Winters with an interval needs at least {MinimumForInterval} observations.", nameof(series));
        var fit = Choose(series);
        // The free parameters are the 4 smoothing and damping parameters and the 5 of the initial state.
        var sigma2 = fit.Sse / (series.Length - FreeParameters);
        var result = new Prediction[horizon];
        var multiplier = 1.0;
        var damped = 0.0;
        var power = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            if (h > 1)
            {
                var c = fit.Alpha * (1 + fit.Beta * damped) + ((h - 1) % Season == 0 ? fit.Gamma : 0);
                multiplier += c * c;
            }
            power *= fit.Phi;
            damped += power;
            var point = fit.Level + damped * fit.Trend + fit.Seasonal[(series.Length - 1 + h) % Season];
            var half = IntervalZ * Math.Sqrt(sigma2 * multiplier);
            result[h - 1] = new Prediction(point, point - half, point + half);
        }
        return result;
    }

    /// <summary>Point forecasts only, from two full seasons on (what a back-test needs).</summary>
    public static double[] PointForecast(ReadOnlySpan<double> series, int horizon)
    {
        if (series.Length < 2 * Season) throw new ArgumentException($"Holt-Winters needs at least {2 * Season} observations.", nameof(series));
        var fit = Choose(series);
        var result = new double[horizon];
        var damped = 0.0;
        var power = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            power *= fit.Phi;
            damped += power;
            result[h - 1] = fit.Level + damped * fit.Trend + fit.Seasonal[(series.Length - 1 + h) % Season];
        }
        return result;
    }

    private static Fit Choose(ReadOnlySpan<double> series)
    {
        var best = (Sse: double.PositiveInfinity, Alpha: 0.0, Beta: 0.0, Gamma: 0.0, Phi: 0.0);
        var initial = InitialState(series);
        foreach (var alpha in Alphas)
            foreach (var beta in Betas)
            {
                // The usual admissible region of ETS: the trend learns no faster than the level and the season no
                // faster than what the level leaves; beyond it the grid finds ways to fit twelve points too well.
                if (beta > alpha) continue;
                foreach (var gamma in Gammas)
                {
                    if (gamma > 1 - alpha + 1e-9) continue;
                    var sse = Sse(series, initial, alpha, beta, gamma);
                    for (var lane = 0; lane < Vector256<double>.Count; lane++)
                        if (sse[lane] < best.Sse) best = (sse[lane], alpha, beta, gamma, Phis[lane]);
                }
            }
        var final = new double[Season];
        var finalSse = Run(series, initial, best.Alpha, best.Beta, best.Gamma, best.Phi, final, out var level, out var trend);
        return new Fit(best.Alpha, best.Beta, best.Gamma, best.Phi, finalSse, level, trend, final);
    }

    /// <summary>
    /// The state before the first observation: the least-squares fit of y_t = ℓ + b·(t + 1) + s_(t mod 4) (seasonal
    /// terms summing to 0) to the first two seasons. Then b = (mean of season 2 − mean of season 1) / 4 and
    /// ℓ = mean of season 1 − 2.5·b: the mean of season 1 is the level at its middle, 2.5 quarters after the start.
    /// </summary>
    public static (double Level, double Trend, double[] Seasonal) InitialState(ReadOnlySpan<double> y)
    {
        double first = 0, second = 0;
        for (var i = 0; i < Season; i++) { first += y[i]; second += y[Season + i]; }
        first /= Season;
        second /= Season;
        var trend = (second - first) / Season;
        var level = first - (Season + 1) / 2.0 * trend;
        var seasonal = new double[Season];
        for (var i = 0; i < Season; i++)
            seasonal[i] = (y[i] + y[Season + i]) / 2 - trend * (i + 1 + Season / 2.0) - level;
        return (level, trend, seasonal);
    }

    /// <summary>Seasonal naive: each future quarter repeats the same quarter of the last observed year.</summary>
    public static double[] SeasonalNaive(ReadOnlySpan<double> series, int horizon)
    {
        var result = new double[horizon];
        for (var h = 1; h <= horizon; h++) result[h - 1] = series[series.Length - Season + (h - 1) % Season];
        return result;
    }

    /// <summary>Mean absolute scaled error: forecast errors over the in-sample mean absolute seasonal difference.</summary>
    public static double Mase(ReadOnlySpan<double> training, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        var scale = 0.0;
        for (var t = Season; t < training.Length; t++) scale += Math.Abs(training[t] - training[t - Season]);
        scale /= training.Length - Season;
        var error = 0.0;
        for (var i = 0; i < actual.Length; i++) error += Math.Abs(actual[i] - forecast[i]);
        return error / actual.Length / scale;
    }

    /// <summary>
    /// One step of the damped recursion from (ℓ, b, s) with observation y: ℓ' = α(y − s) + (1 − α)(ℓ + φb);
    /// b' = β(ℓ' − ℓ) + (1 − β)φb; s' = γ(y − ℓ') + (1 − γ)s. Returns the one-step error y − (ℓ + φb + s).
    /// </summary>
    public static double Step(double y, double alpha, double beta, double gamma, double phi, ref double level, ref double trend, ref double seasonal)
    {
        var error = y - (level + phi * trend + seasonal);
        var newLevel = alpha * (y - seasonal) + (1 - alpha) * (level + phi * trend);
        trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
        seasonal = gamma * (y - newLevel) + (1 - gamma) * seasonal;
        level = newLevel;
        return error;
    }


    /// <summary>
    /// The sums of squared one-step errors of <see cref="Step"/> run over the series for the four damping values side
    /// by side, with the same operations in the same order: each step waits on the one before, so four independent
    /// runs in one vector cost about what one costs alone.
    /// </summary>
    private static Vector256<double> Sse(ReadOnlySpan<double> y, (double Level, double Trend, double[] Seasonal) initial, double alpha, double beta, double gamma)
    {
        var level = Vector256.Create(initial.Level);
        var trend = Vector256.Create(initial.Trend);
        Span<Vector256<double>> seasonal = stackalloc Vector256<double>[Season];
        for (var i = 0; i < Season; i++) seasonal[i] = Vector256.Create(initial.Seasonal[i]);
        var (a, b, g) = (Vector256.Create(alpha), Vector256.Create(beta), Vector256.Create(gamma));
        var (notA, notB, notG) = (Vector256.Create(1 - alpha), Vector256.Create(1 - beta), Vector256.Create(1 - gamma));
        var sse = Vector256<double>.Zero;
        for (var t = 0; t < y.Length; t++)
        {
            var observed = Vector256.Create(y[t]);
            var s = seasonal[t % Season];
            var dampedTrend = Phis * trend;
            var error = observed - (level + dampedTrend + s);
            sse += error * error;
            var newLevel = a * (observed - s) + notA * (level + dampedTrend);
            trend = b * (newLevel - level) + notB * Phis * trend;
            seasonal[t % Season] = g * (observed - newLevel) + notG * s;
            level = newLevel;
        }
        return sse;
    }

    private static double Run(ReadOnlySpan<double> y, (double Level, double Trend, double[] Seasonal) initial, double alpha, double beta, double gamma, double phi,
        Span<double> seasonal, out double level, out double trend)
    {
        level = initial.Level;
        trend = initial.Trend;
        initial.Seasonal.CopyTo(seasonal);
        var sse = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var error = Step(y[t], alpha, beta, gamma, phi, ref level, ref trend, ref seasonal[t % Season]);
            sse += error * error;
        }
        return sse;
    }
}
