using TwinWorld.Scenarios.Model;

namespace TwinWorld.Replay.Forecasts;

/// <summary>Runs each forecast on a thread of its own in this process, within its limits.</summary>
public sealed class LocalForecastRunner(ForecastLimits limits) : IForecastRunner
{
    // Its own thread, not the pool's: a forecast runs for seconds to minutes.
    public Task Run(Scenario scenario, byte[] state, ForecastAsk ask, Action<ForecastSample> sample, CancellationToken cancel)
        => Task.Factory.StartNew(() => ForecastRun.Run(scenario, state, ask, limits, sample, cancel), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
