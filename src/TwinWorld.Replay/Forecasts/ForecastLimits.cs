namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// What one forecast may cost, so that a request cannot take the machine from the live world: how many people
/// its world may hold (its memory grows with them), how much processor time its thread may use, and how large
/// the process's managed heap may be while it runs (forecasts stop, not the live world, when memory runs short).
/// </summary>
public sealed record ForecastLimits
{
    /// <summary>No limit: for a user's own machine (<c>twin run</c>).</summary>
    public static ForecastLimits None { get; } = new();

    /// <summary>The most agents a forecast's world may hold once its actions have spawned theirs.</summary>
    public int MaxAgents { get; init; } = int.MaxValue;

    /// <summary>Processor time the forecast's thread may use (wall time where the OS does not say).</summary>
    public TimeSpan MaxProcessorTime { get; init; } = TimeSpan.MaxValue;

    /// <summary>The managed heap, in bytes, past which running forecasts stop.</summary>
    public long MaxHeapBytes { get; init; } = long.MaxValue;
}
