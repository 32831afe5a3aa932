using TwinWorld.Cluster.Runs;
using TwinWorld.Replay.Forecasts;

namespace TwinWorld.Cluster.Forecasts;

/// <summary>
/// A live forecast as a silo needs it: the scenario to rebuild the world's setup from, the live run's saved
/// state (<c>ScenarioRun.SaveState</c>, taken between two ticks), the analyst's ask and the quotas' limits.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastJob(
    [property: Id(0)] ScenarioSource Source,
    [property: Id(1)] byte[] State,
    [property: Id(2)] IReadOnlyList<string> Actions,
    [property: Id(3)] TimeSpan Ahead,
    [property: Id(4)] TimeSpan Every,
    [property: Id(5)] int Workers,
    [property: Id(6)] int MaxAgents,
    [property: Id(7)] TimeSpan MaxProcessorTime,
    [property: Id(8)] long MaxHeapBytes)
{
    public static ForecastJob Of(ScenarioSource source, byte[] state, ForecastAsk ask, ForecastLimits limits)
        => new(source, state, ask.Actions, ask.Ahead, ask.Every, ask.Workers, limits.MaxAgents, limits.MaxProcessorTime, limits.MaxHeapBytes);

    public ForecastAsk Ask => new(Ahead, Actions, Every, Workers);

    public ForecastLimits Limits => new() { MaxAgents = MaxAgents, MaxProcessorTime = MaxProcessorTime, MaxHeapBytes = MaxHeapBytes };
}
