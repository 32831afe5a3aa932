using System.Diagnostics;
using TwinWorld.Cluster.Forecasts;
using TwinWorld.Cluster.Runs;
using TwinWorld.Cluster.Sweeps;
using TwinWorld.Cluster.Tests.Sweeps;
using TwinWorld.Replay.Forecasts;
using TwinWorld.Scenarios.Loading;
using TwinWorld.Scenarios.Running;
using TwinWorld.TestSupport;

namespace TwinWorld.Cluster.Tests.Forecasts;

/// <summary>A silo killed (kill -9) while it runs a live forecast: the analyst gets a clear answer, not a hang.</summary>
public sealed class ForecastSiloKillTests : IDisposable
{
    private readonly TwinProcesses _twin = new();

    public void Dispose() => _twin.Dispose();

    [Fact]
    public async Task A_forecast_whose_silo_is_killed_ends_with_a_clear_retryable_error()
    {
        int[] ports = TwinProcesses.FreePorts(4);
        var silos = new[] { await _twin.Silo(ports[0], ports[1]), await _twin.Silo(ports[2], ports[3], ports[0]) };
        string file = ThreeSiloSweepTests.SmallFire;
        var scenario = ScenarioLoader.Load(file).Scenario!;
        var live = new ScenarioRun(scenario, workers: 1);
        live.Step();
        var source = new ScenarioSource(File.ReadAllText(file), file, new Dictionary<string, string>(), scenario.Seed);
        await using var cluster = new ClusterForecastRunner(ClusterAddress.Parse($"127.0.0.1:{ports[1]},127.0.0.1:{ports[3]}", out _)!, _twin.ClusterId, source, ForecastLimits.None);
        int samples = 0;
        // The rest of the 30-minute run, a sample a minute: longer than the kill takes to come.
        var forecast = cluster.Run(scenario, live.SaveState(), new ForecastAsk(TimeSpan.FromMinutes(29), [], TimeSpan.FromMinutes(1), 1), _ => samples++, CancellationToken.None);
        var running = new TaskCompletionSource<ChildProcess>();
        _ = Task.WhenAll(silos.Select(async silo =>
        {
            if (await silo.WaitForOutput(") started", TwinProcesses.Patience))
            {
                running.TrySetResult(silo);
            }
        }));

        (await running.Task.WaitAsync(TwinProcesses.Patience)).KillHard();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ForecastException>(() => forecast.WaitAsync(TwinProcesses.Patience));

        // Lost (the other silo answers once the cluster has declared it dead) or, had it been the primary, a cluster that no longer answers.
        Assert.True(error.Message.StartsWith("the cluster lost the silo running the forecast (127.0.0.1:", StringComparison.Ordinal)
            || error.Message.StartsWith($"the forecast cluster at 127.0.0.1:{ports[1]},127.0.0.1:{ports[3]} did not answer about the forecast for 30 s", StringComparison.Ordinal), error.Message);
        Assert.True(error.Retryable);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"the answer took {clock.Elapsed}");
        Assert.True(samples < 29, "the forecast was cut short");
    }
}
