namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// A forecast that could not run as asked (its actions did not parse, or it would pass its limits); the live
/// world is untouched. <see cref="Retryable"/>: the request was fine, the server was short of memory at the time.
/// </summary>
public sealed class ForecastException(string message, bool retryable = false) : Exception(message)
{
    public bool Retryable { get; } = retryable;
}
