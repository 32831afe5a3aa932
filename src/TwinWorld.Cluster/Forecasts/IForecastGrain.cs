namespace TwinWorld.Cluster.Forecasts;

/// <summary>
/// One live forecast on the cluster, keyed by a fresh id. The server starts it and polls it for its samples
/// as they come (a forecast may run longer than a call may wait); a poll that finds it
/// <see cref="Runs.RunState.Unknown"/> means the silo that held it was lost.
/// </summary>
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>Starts the forecast on this grain's silo, on a thread of its own; a second call does nothing.</summary>
    Task Start(ForecastJob job);

    /// <summary>The samples from index <paramref name="from"/> on, and how it stands; once it has ended and been told, the grain goes away.</summary>
    Task<ForecastProgress> Poll(int from);

    /// <summary>Stops the forecast between ticks and lets the grain go.</summary>
    Task Cancel();
}
