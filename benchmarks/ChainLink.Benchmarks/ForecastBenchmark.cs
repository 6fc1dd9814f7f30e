using System.Diagnostics;
using System.Globalization;
using ChainLink.Domain.Barometer;

namespace ChainLink.Benchmarks;

/// <summary>
/// Scores the barometer's forecaster on the 756 quarterly series of the M3 competition, read at run time from the
/// folder given (never copied into the repository): each series cut to its last 12 training quarters (the barometer's
/// typical history), forecast 1–4 quarters ahead, against the quarters that followed. Prints MASE (scaled by the 12
/// quarters' mean absolute seasonal difference), sMAPE and the coverage of the 80 % interval for the forecaster as the
/// barometer publishes it, damped Holt-Winters alone, seasonal naive, R's ets and Theta (when Rscript is installed:
/// benchmarks/forecast/compare.R) and, for reference, the competition's own forecasts (made from the full training part,
/// so with more history than the others; points only).
/// </summary>
internal static class ForecastBenchmark
{
    private const int History = 12;
    private const int Horizon = 4;

    private sealed record Series(string Id, double[] Training, double[] Actual);

    private sealed class Score(string name)
    {
        private double _mase, _smape, _covered;
        private int _series, _points, _intervals;

        public string Name => name;

        public void Add(Series series, Prediction[] forecast, bool hasInterval)
        {
            var points = forecast.Select(p => p.Point).ToArray();
            _mase += HoltWinters.Mase(series.Training, series.Actual, points);
            _series++;
            for (var h = 0; h < Horizon; h++)
            {
                var (y, f) = (series.Actual[h], points[h]);
                _smape += 200 * Math.Abs(y - f) / (Math.Abs(y) + Math.Abs(f));
                _points++;
                if (!hasInterval) continue;
                _intervals++;
                if (y >= forecast[h].Lower && y <= forecast[h].Upper) _covered++;
            }
        }

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {_series,6} {_mase / _series,7:F3} {_smape / _points,7:F2} {(_intervals > 0 ? (_covered / _intervals).ToString("F3", CultureInfo.InvariantCulture) : "—"),9}");
    }

    public static int Run(string folder)
    {
        var data = Path.Combine(folder, "m3_quarterly.csv");
        if (!File.Exists(data))
        {
            Console.Error.WriteLine($"forecast: {data} not found (give the folder holding the M3 files, e.g. ../shared/eval/m3)");
            return 2;
        }
        var series = ReadSeries(data);
        var forecaster = new Score("forecaster (published)");
        var damped = new Score("damped Holt-Winters alone");
        var naive = new Score("seasonal naive");
        var methods = new Dictionary<ForecastMethod, int>();
        var clock = new Stopwatch();
        foreach (var s in series)
        {
            var f = Forecaster.Forecast(s.Training, Horizon);
            methods[f.Method] = methods.GetValueOrDefault(f.Method) + 1;
            forecaster.Add(s, f.Predictions, true);
        }
        // Timed apart from scoring, after the pass above has compiled the code: what a barometer cell's forecast costs.
        const int passes = 5;
        clock.Restart();
        for (var pass = 0; pass < passes; pass++)
            foreach (var s in series) Forecaster.Forecast(s.Training, Horizon);
        var perSeries = clock.Elapsed.TotalMicroseconds / passes / series.Count;
        foreach (var s in series)
        {
            damped.Add(s, HoltWinters.Forecast(s.Training, Horizon), true);
            naive.Add(s, Forecaster.SeasonalNaive(s.Training, Horizon), true);
        }

        var scores = new List<Score> { forecaster, damped, naive };
        scores.AddRange(RSide(data, series));
        var originals = Path.Combine(folder, "m3_original_forecasts.csv");
        if (File.Exists(originals)) scores.AddRange(Originals(originals, series));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M3 quarterly: {series.Count} series, last {History} training quarters, horizons 1–{Horizon}"));
        Console.WriteLine($"{"method",-34} {"series",6} {"MASE",7} {"sMAPE",7} {"80% cover",9}");
        foreach (var score in scores) Console.WriteLine(score.Line());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecaster chose damped Holt-Winters for {methods.GetValueOrDefault(ForecastMethod.DampedHoltWinters)}, seasonal naive for {methods.GetValueOrDefault(ForecastMethod.SeasonalNaive)} series; {perSeries:F1} µs per series (one thread)"));
        return 0;
    }

    private static List<Series> ReadSeries(string path)
    {
        var result = new List<Series>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            var n = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var values = fields[3..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            result.Add(new Series(fields[0], values[(n - History)..n], values[n..(n + Horizon)]));
        }
        return result;
    }

    /// <summary>R's ets and thetaf on the same 12 quarters, through compare.R; nothing when Rscript is not installed.</summary>
    private static IEnumerable<Score> RSide(string data, List<Series> series)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "compare.R");
        var output = Path.Combine(Path.GetTempPath(), $"chainlink-forecast-{Environment.ProcessId}.csv");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("Rscript", [script, data, output]) { RedirectStandardError = true });
            if (process is null) yield break;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"forecast: compare.R failed: {errors}");
                yield break;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("forecast: Rscript not installed (scripts/install-bench-deps.sh); ets and Theta left out");
            yield break;
        }
        var forecasts = ReadForecasts(output, hasInterval: true);
        File.Delete(output);
        foreach (var score in Scored(forecasts, series, "R ", hasInterval: true)) yield return score;
    }

    private static IEnumerable<Score> Originals(string path, List<Series> series) =>
        Scored(ReadForecasts(path, hasInterval: false), series, "M3 original (full history) ", hasInterval: false);

    private static IEnumerable<Score> Scored(Dictionary<(string Method, string Id), Prediction[]> forecasts, List<Series> series, string prefix, bool hasInterval)
    {
        foreach (var method in forecasts.Keys.Select(k => k.Method).Distinct().Order(StringComparer.Ordinal))
        {
            var score = new Score(prefix + method);
            foreach (var s in series)
                if (forecasts.TryGetValue((method, s.Id), out var f) && f.All(p => !double.IsNaN(p.Point)))
                    score.Add(s, f, hasInterval);
            yield return score;
        }
    }

    /// <summary>Reads id,method,step,point[,lower,upper] lines into the first <see cref="Horizon"/> steps per method and series.</summary>
    private static Dictionary<(string Method, string Id), Prediction[]> ReadForecasts(string path, bool hasInterval)
    {
        var result = new Dictionary<(string, string), Prediction[]>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            var step = int.Parse(fields[2], CultureInfo.InvariantCulture);
            if (step > Horizon) continue;
            var point = double.Parse(fields[3], CultureInfo.InvariantCulture);
            var (lower, upper) = hasInterval
                ? (double.Parse(fields[4], CultureInfo.InvariantCulture), double.Parse(fields[5], CultureInfo.InvariantCulture))
                : (point, point);
            var key = (fields[1], fields[0]);
            if (!result.TryGetValue(key, out var steps)) result[key] = steps = new Prediction[Horizon];
            steps[step - 1] = new Prediction(point, lower, upper);
        }
        return result;
    }
}
