namespace ChainLink.Domain.Barometer;

/// <summary>One step ahead of the end of a series: the point forecast and its 80 % prediction interval.</summary>
public readonly record struct Prediction(double Point, double Lower, double Upper);
