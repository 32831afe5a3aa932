using TwinWorld.Cluster.Runs;
using TwinWorld.Replay.Forecasts;

namespace TwinWorld.Cluster.Forecasts;

/// <summary>
/// Where a forecast stands on its grain: the samples the poller has not had yet, and once it has ended, how
/// (<see cref="Problem"/> is the forecast's own error, as the analyst sees it; <see cref="Retryable"/> as
/// <see cref="ForecastException.Retryable"/>). <see cref="RunState.Unknown"/>: the silo that held it was lost.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastProgress(
    [property: Id(0)] RunState State,
    [property: Id(1)] IReadOnlyList<ForecastSample> Samples,
    [property: Id(2)] string? Problem = null,
    [property: Id(3)] bool Retryable = false,
    [property: Id(4)] string? Silo = null)
{
    public bool Ended => State is RunState.Succeeded or RunState.Failed;
}
