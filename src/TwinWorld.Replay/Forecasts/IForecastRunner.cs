using TwinWorld.Scenarios.Model;

namespace TwinWorld.Replay.Forecasts;

/// <summary>
/// Where a forecast computes once <see cref="LiveForecasts"/> has copied the live run: on a thread of this
/// process (<see cref="LocalForecastRunner"/>) or elsewhere (a cluster's silo, in TwinWorld.Cluster). Wherever
/// it runs, the same state and ask give the same samples.
/// </summary>
public interface IForecastRunner
{
    /// <summary>
    /// Runs <paramref name="ask"/> from <paramref name="state"/> (<c>ScenarioRun.SaveState</c> of a run of
    /// <paramref name="scenario"/>), handing each sample to <paramref name="sample"/> in order, and ends when the
    /// forecast does. Throws <see cref="ForecastException"/> for a forecast that cannot run as asked (bad actions,
    /// past its limits, nowhere to run it); cancelling stops it within a tick.
    /// </summary>
    Task Run(Scenario scenario, byte[] state, ForecastAsk ask, Action<ForecastSample> sample, CancellationToken cancel);
}
