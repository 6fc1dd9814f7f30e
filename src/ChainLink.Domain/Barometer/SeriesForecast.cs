namespace ChainLink.Domain.Barometer;

/// <summary>The forecast of a series and the method that made it.</summary>
public sealed record SeriesForecast(ForecastMethod Method, Prediction[] Predictions);
