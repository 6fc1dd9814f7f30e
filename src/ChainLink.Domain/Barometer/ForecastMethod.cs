namespace ChainLink.Domain.Barometer;

/// <summary>Which method made a cell's forecast (methodology §6).</summary>
public enum ForecastMethod
{
    /// <summary>Additive Holt-Winters with a damped trend, ETS(A,Ad,A).</summary>
    DampedHoltWinters,

    /// <summary>Each quarter repeats the same quarter of the last year: Holt-Winters did not beat it in the series' own back-test.</summary>
    SeasonalNaive,
}
