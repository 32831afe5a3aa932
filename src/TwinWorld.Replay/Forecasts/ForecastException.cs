namespace TwinWorld.Replay.Forecasts;

/// <summary>A forecast that could not run as asked (its actions did not parse); the live world is untouched.</summary>
public sealed class ForecastException(string message) : Exception(message);
